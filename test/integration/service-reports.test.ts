import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsResponseSchema } from '@shared/scoring/metrics.schema';
import { serviceReportSchema, type ServiceReport } from '@shared/reports/report.schema';
import { ActionModel } from '../../server/actions/action.model';
import { rebuildCaseRollups } from '../../server/case-metrics/case-rebuild.service';
import { CaseModel } from '../../server/cases/case.model';
import { ResponseModel } from '../../server/responses/response.model';
import { retagAndRebuildThemes } from '../../server/scores/theme-rebuild.service';
import { rebuildRollups } from '../../server/scores/rebuild.service';
import { sendReport } from '../../server/reports/report.service';
import { ServiceReportModel } from '../../server/reports/service-report.model';
import { SendInProgress } from '../../server/mail/send-once';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { move, openCase, staff, team } from './cases-fixtures';
import { publishSurvey } from './responses-fixtures';

const SURVEY = {
  pages: [
    {
      name: 'visit',
      elements: [
        { type: 'rating', name: 'csat', title: 'Satisfied?', metric: 'csat', rateMin: 1, rateMax: 5 },
        { type: 'rating', name: 'nps', title: 'Recommend?', metric: 'nps', rateMin: 0, rateMax: 10 },
        { type: 'comment', name: 'why', title: 'Why?' },
      ],
    },
  ],
};

let tp: TestPlatform;
let admin: string;
let survey: { id: string; slug: string; version: number };
let definitionId: string;
let teamId: string;

/** The text/plain part of a raw email, decoded by Python's email package (independent of nodemailer). */
function plainText(raw: Buffer): { subject: string; text: string } {
  const script = 'import sys, email, json\nfrom email import policy\nm = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)\nprint(json.dumps({"subject": str(m["subject"]), "text": m.get_body(preferencelist=("plain",)).get_content()}))';
  const run = spawnSync('python3', ['-c', script], { input: raw });
  return JSON.parse(run.stdout.toString()) as { subject: string; text: string };
}

beforeAll(async () => {
  tp = await startTestPlatform({ RESPOND_RATE_PER_IP: '100000', RESPOND_MIN_FILL_MS: '0' });
  admin = await tp.login();
  survey = await publishSurvey(tp, admin, SURVEY);
  for (const key of ['branch', 'phone']) expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key, name: key === 'branch' ? 'Main branch' : 'Phone line', target: { nps: 30 } } })).status).toBe(201);
  // October 2026 (the month before) is poor at the branch, November good: a significant NPS mover.
  const seed: { touchpoint: string; day: string; csat: number; nps: number; why?: string }[] = [];
  for (let i = 0; i < 40; i += 1) {
    seed.push({ touchpoint: 'branch', day: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`, csat: 2 + (i % 2), nps: i % 3 === 0 ? 8 : 3 });
    // A quarter of November's branch visitors comment on the queue (the default theme "waiting").
    const why = i % 4 === 0 ? `The queue was long, waiting ${i} minutes.` : undefined;
    seed.push({ touchpoint: 'branch', day: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, csat: 4 + (i % 2), nps: i % 4 === 0 ? 7 : 10, ...(why ? { why } : {}) });
    if (i < 12) seed.push({ touchpoint: 'phone', day: `2026-11-${String(1 + i).padStart(2, '0')}`, csat: 3 + (i % 3), nps: 5 + (i % 6) });
  }
  for (const row of seed) {
    const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, {
      body: { version: survey.version, submissionId: randomUUID(), answers: { csat: row.csat, nps: row.nps, ...(row.why ? { why: row.why } : {}) }, elapsedMs: 30_000, touchpoint: row.touchpoint, channel: 'online' },
    });
    expect(reply.status, reply.text).toBe(201);
    await ResponseModel.updateOne({ _id: (reply.body as { id: string }).id }, { $set: { submittedAt: new Date(`${row.day}T12:00:00Z`) } });
  }
  // The days were set in the store after the fold; a rebuild puts the rollups where the responses now are.
  for (let tries = 0; (await ResponseModel.countDocuments({ foldState: 'pending' })) > 0 && tries < 200; tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  // A fold may still hold the lock for a moment after the last response is marked folded.
  for (let tries = 0; ; tries += 1) {
    try {
      await rebuildRollups(tp.platform.context.redis, tp.platform.context.config.QUEUE_PREFIX);
      break;
    } catch (error) {
      if (tries >= 10) throw error;
    }
  }
  await retagAndRebuildThemes(tp.platform.context.redis, tp.platform.context.config.QUEUE_PREFIX);

  // Two branch cases received in November (one acknowledged), folded into the case metrics.
  const agent = await staff(tp.request, tp.login, admin, 'agent@example.test');
  teamId = await team(tp.request, admin, { name: 'Branch desk', members: [agent.id], slaPolicyId: null as unknown as string });
  for (const summary of ['Card swallowed', 'Long queue']) {
    const { ref } = await openCase(tp.request, agent.cookie, { summary, touchpoint: 'branch', teamId, priority: 'normal' });
    if (summary === 'Card swallowed') expect((await move(tp.request, agent.cookie, ref, 'acknowledge')).status).toBe(200);
    const number = Number(ref.slice(2));
    const shift = (at: Date) => new Date(at.getTime() - (Date.now() - Date.parse('2026-11-10T09:00:00Z')));
    const doc = (await CaseModel.findOne({ number }).lean())!;
    // Through the driver: mongoose keeps createdAt immutable.
    await CaseModel.collection.updateOne({ number }, { $set: { createdAt: shift(doc.createdAt), timeline: doc.timeline.map((e) => ({ ...e, at: shift(e.at) })) } });
  }
  await rebuildCaseRollups(tp.platform.context);

  // Improvement actions: one due in November, one due in October and still planned, one due in December;
  // one checked in November.
  const actionIds: string[] = [];
  for (const title of ['Second queue desk', 'Card reader swap', 'Later plan']) {
    const made = await tp.request('/api/actions', { cookie: admin, body: { title, touchpoint: 'branch', metrics: ['nps'], plan: { problem: 'Long queues', owner: 'owner@example.test', dueOn: '2027-01-31' } } });
    expect(made.status, made.text).toBe(201);
    actionIds.push((made.body as { id: string }).id);
  }
  await ActionModel.updateOne({ _id: actionIds[0] }, { $set: { 'plan.dueOn': '2026-11-20' } });
  await ActionModel.updateOne({ _id: actionIds[1] }, { $set: { 'plan.dueOn': '2026-10-15' } });
  await ActionModel.updateOne({ _id: actionIds[2] }, { $set: { 'plan.dueOn': '2026-12-15' } });
  const verdict = { metric: 'nps', n: { baseline: 40, check: 40 }, values: { baseline: -20, check: 60 }, effect: 80, ci95: [50, 110], test: 'nps-difference-z', pValue: 0.001, verdict: 'improved' };
  await ActionModel.updateOne({ _id: actionIds[2] }, { $set: { check: { ranAt: '2026-11-28T06:00:00.000Z', baseline: { from: '2026-10-01', to: '2026-10-31' }, check: { from: '2026-11-01', to: '2026-11-27' }, metrics: [verdict] } } });
  // A check that ran on the last evening of October belongs to October's report, not November's.
  await ActionModel.updateOne({ _id: actionIds[1] }, { $set: { check: { ranAt: '2026-10-31T23:30:00.000Z', baseline: { from: '2026-09-01', to: '2026-09-30' }, check: { from: '2026-10-01', to: '2026-10-30' }, metrics: [verdict] } } });

  const created = await tp.request('/api/reports/definitions', {
    cookie: admin,
    body: { name: 'Branches monthly', cadence: 'monthly', survey: survey.id, recipients: [{ email: 'ops@example.test', locale: 'en' }, { email: 'zhang@example.test', locale: 'zh-CN' }] },
  });
  expect(created.status, created.text).toBe(201);
  definitionId = (created.body as { id: string }).id;
}, 120_000);
afterAll(async () => {
  await tp?.stop();
});

describe('scheduled service reports', () => {
  it('a month’s report holds the metrics API’s scores and only significant movers', async () => {
    const preview = await tp.request(`/api/reports/definitions/${definitionId}/preview?period=2026-11`, { cookie: admin });
    expect(preview.status, preview.text).toBe(200);
    const report = serviceReportSchema.parse(preview.body);
    const metrics = metricsResponseSchema.parse((await tp.request(`/api/metrics/touchpoints?survey=${survey.id}&from=2026-11-01&to=2026-11-30`, { cookie: admin })).body);
    expect(report.period).toEqual({ key: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(report.sections.headline.map((row) => row.touchpoint)).toEqual(['branch', 'phone']);
    for (const row of report.sections.headline) {
      const api = metrics.touchpoints.find((t) => t.touchpoint === row.touchpoint)!;
      const { changes: _changes, asOf: _asOf, ...expected } = { ...api, asOf: null };
      expect(row).toEqual({ ...expected, name: row.touchpoint === 'branch' ? 'Main branch' : 'Phone line' });
    }
    expect(report.sections.headline[0]!.n).toBe(40);
    const significant = metrics.touchpoints.flatMap((t) => (t.changes ?? []).filter((c) => c.significant).map((c) => ({ ...c, touchpoint: t.touchpoint })));
    expect(report.sections.movers).toEqual(significant);
    expect(report.sections.movers.some((m) => m.touchpoint === 'branch' && m.metric === 'nps' && m.test === 'nps-difference-z')).toBe(true);
    expect(report.sectionsLeftOut).toEqual([]);

    // Case handling: the metrics API's case figures for the month, the branch's two cases.
    expect(report.sections.cases).toEqual(metrics.touchpoints.filter((t) => t.cases && t.cases.n > 0).map((t) => ({ touchpoint: t.touchpoint, name: 'Main branch', cases: t.cases })));
    expect(report.sections.cases[0]!.cases).toMatchObject({ n: 2, frt: { n: 1 } });
    // Actions: due in the month or overdue and open; the check that ran in it, with its verdict and test.
    expect(report.sections.actions.due.map((a) => a.title)).toEqual(['Card reader swap', 'Second queue desk']);
    expect(report.sections.actions.verdicts).toEqual([expect.objectContaining({ title: 'Later plan', ranAt: '2026-11-28T06:00:00.000Z', metrics: [expect.objectContaining({ verdict: 'improved', test: 'nps-difference-z' })] })]);
    const october = serviceReportSchema.parse((await tp.request(`/api/reports/definitions/${definitionId}/preview?period=2026-10`, { cookie: admin })).body);
    expect(october.sections.actions.verdicts.map((a) => [a.title, a.ranAt])).toEqual([['Card reader swap', '2026-10-31T23:30:00.000Z']]);
    // Themes: what the theme metrics API counts for the month, with examples from its comments.
    const themeApi = (await tp.request(`/api/metrics/themes?survey=${survey.id}&touchpoint=branch&from=2026-11-01&to=2026-11-30`, { cookie: admin })).body as {
      touchpoints: Array<{ touchpoint: string; themes: Array<{ key: string; n: number; name: { en: string; 'zh-CN': string } }> }>;
    };
    const waiting = themeApi.touchpoints.find((t) => t.touchpoint === 'branch')!.themes.find((t) => t.key === 'waiting')!;
    expect(waiting.n).toBe(10);
    expect(report.sections.themes).toEqual([expect.objectContaining({ key: 'waiting', n: waiting.n, name: waiting.name })]);
    expect(report.sections.themes[0]!.examples).toHaveLength(2);
    for (const example of report.sections.themes[0]!.examples) expect(example).toMatch(/queue was long/);
    expect((await tp.request(`/api/reports/definitions/${definitionId}/preview?period=2026-W47`, { cookie: admin })).status).toBe(400);

    // A report stored before cases, actions and themes had providers reads back with them empty.
    const older = await ServiceReportModel.create({
      definitionId, name: 'Branches monthly', cadence: 'monthly', survey: { id: survey.id, title: 'Old' }, period: { key: '2026-09', from: '2026-09-01', to: '2026-09-30' },
      sections: { headline: [], movers: [] }, sectionsLeftOut: ['cases', 'actions', 'themes'], builtAt: new Date('2026-10-01T00:00:00Z'),
    });
    // The body as served (parsing it with the schema would fill the defaults itself).
    const stored = (await tp.request(`/api/reports/${older._id.toString()}`, { cookie: admin })).body as ServiceReport;
    expect(stored.sections).toEqual({ headline: [], movers: [], cases: [], actions: { due: [], verdicts: [] }, themes: [] });
    expect(stored.sectionsLeftOut).toEqual(['cases', 'actions', 'themes']);
    await ServiceReportModel.deleteOne({ _id: older._id });
  });

  it('scoped to a case team, covers the touchpoints of the cases the team received in the period, and refuses an unknown team', async () => {
    const body = { name: 'Branch desk monthly', cadence: 'monthly', survey: survey.id, team: teamId, recipients: [{ email: 'desk@example.test', locale: 'en' }] };
    const created = await tp.request('/api/reports/definitions', { cookie: admin, body });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ team: teamId, touchpoints: [] });
    const id = (created.body as { id: string }).id;
    const preview = async (period: string) => serviceReportSchema.parse((await tp.request(`/api/reports/definitions/${id}/preview?period=${period}`, { cookie: admin })).body);
    // November: the desk's two cases came from the branch, so the phone line is out.
    const november = await preview('2026-11');
    expect(november.sections.headline.map((row) => row.touchpoint)).toEqual(['branch']);
    expect(november.sections.cases.map((row) => row.touchpoint)).toEqual(['branch']);
    // October: the desk received no case, so the report covers nothing (not everything).
    const october = await preview('2026-10');
    expect(october.sections.headline).toEqual([]);
    expect(october.sections.actions).toEqual({ due: [], verdicts: [] });
    expect(october.sections.themes).toEqual([]);

    const unknown = await tp.request('/api/reports/definitions', { cookie: admin, body: { ...body, team: '0123456789abcdef01234567' } });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { invalid_params: Array<{ name: string }> }).invalid_params.map((p) => p.name)).toEqual(['body.team']);
    expect((await tp.request(`/api/reports/definitions/${id}`, { cookie: admin, method: 'DELETE' })).status).toBe(204);
  });

  it('sends each recipient one email per period in their language, however often it is sent', async () => {
    const sendNow = await tp.request(`/api/reports/definitions/${definitionId}/send?period=2026-11`, { cookie: admin, method: 'POST' });
    expect(sendNow.status, sendNow.text).toBe(202);
    // Two workers on the same period at once: one sends each email; the other finds it sent or still
    // being sent (SendInProgress, which BullMQ retries; the retry then finds it sent).
    const ctx = tp.platform.context;
    const runs = await Promise.allSettled([1, 2].map(() => sendReport(ctx, definitionId, '2026-11', new Date())));
    for (const run of runs) if (run.status === 'rejected') expect(run.reason).toBeInstanceOf(SendInProgress);
    const messages = await tp.mailbox.waitFor(2);
    await expect(sendReport(ctx, definitionId, '2026-11', new Date())).resolves.toMatchObject({ sent: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tp.mailbox.messages.map((m) => m.to.join()).sort()).toEqual(['ops@example.test', 'zhang@example.test']);

    const report = (sendNow.body as { report: ServiceReport }).report;
    const en = plainText(messages.find((m) => m.to.includes('ops@example.test'))!.raw);
    const zh = plainText(messages.find((m) => m.to.includes('zhang@example.test'))!.raw);
    const branch = report.sections.headline[0]!;
    const nps = `NPS ${branch.nps!.score.toFixed(1)} (${branch.nps!.ci95[0].toFixed(1)}–${branch.nps!.ci95[1].toFixed(1)})`;
    expect(en.subject).toBe('Branches monthly: service report for 2026-11 (2026-11-01 – 2026-11-30)');
    expect(en.text).toContain('- Main branch: 40 responses; CSAT');
    expect(en.text).toContain(nps);
    expect(en.text).toContain('Significant changes');
    expect(en.text).toMatch(/- Main branch: 2 cases; SLA met (–|\d+\.\d%); first response p50 \d/);
    expect(en.text).toContain(`- ${report.sections.themes[0]!.name.en}: 10 comments (`);
    expect(en.text).toContain('2 improvement actions due; 1 verdicts reached (1 improved)');
    expect(en.text).toContain(`/reports/${report.id}`);
    expect(zh.subject).toBe('Branches monthly：2026-11 (2026-11-01 – 2026-11-30) 服务报告');
    expect(zh.text).toContain('- Main branch：40 份回复；');
    expect(zh.text).toContain(nps);
    expect(zh.text).toContain('显著变化');
    expect(zh.text).toContain('- Main branch：2 个工单；');
    expect(zh.text).toContain(`- ${report.sections.themes[0]!.name['zh-CN']}：10 条评论（`);

    const past = await tp.request(`/api/reports?definition=${definitionId}`, { cookie: admin });
    expect((past.body as { reports: { period: { key: string }; sentTo: string[] }[] }).reports.map((r) => [r.period.key, [...r.sentTo].sort()])).toEqual([
      ['2026-11', ['ops@example.test', 'zhang@example.test']],
    ]);
  });
});
