import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsResponseSchema } from '@shared/scoring/metrics.schema';
import { serviceReportSchema, type ServiceReport } from '@shared/reports/report.schema';
import { ResponseModel } from '../../server/responses/response.model';
import { rebuildRollups } from '../../server/scores/rebuild.service';
import { sendReport } from '../../server/reports/report.service';
import { SendInProgress } from '../../server/mail/send-once';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey } from './responses-fixtures';

const SURVEY = {
  pages: [
    {
      name: 'visit',
      elements: [
        { type: 'rating', name: 'csat', title: 'Satisfied?', metric: 'csat', rateMin: 1, rateMax: 5 },
        { type: 'rating', name: 'nps', title: 'Recommend?', metric: 'nps', rateMin: 0, rateMax: 10 },
      ],
    },
  ],
};

let tp: TestPlatform;
let admin: string;
let survey: { id: string; slug: string; version: number };
let definitionId: string;

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
  const seed: { touchpoint: string; day: string; csat: number; nps: number }[] = [];
  for (let i = 0; i < 40; i += 1) {
    seed.push({ touchpoint: 'branch', day: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`, csat: 2 + (i % 2), nps: i % 3 === 0 ? 8 : 3 });
    seed.push({ touchpoint: 'branch', day: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, csat: 4 + (i % 2), nps: i % 4 === 0 ? 7 : 10 });
    if (i < 12) seed.push({ touchpoint: 'phone', day: `2026-11-${String(1 + i).padStart(2, '0')}`, csat: 3 + (i % 3), nps: 5 + (i % 6) });
  }
  for (const row of seed) {
    const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, {
      body: { version: survey.version, submissionId: randomUUID(), answers: { csat: row.csat, nps: row.nps }, elapsedMs: 30_000, touchpoint: row.touchpoint, channel: 'online' },
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
    expect(report.sectionsLeftOut).toEqual(['cases', 'actions', 'themes']);
    expect((await tp.request(`/api/reports/definitions/${definitionId}/preview?period=2026-W47`, { cookie: admin })).status).toBe(400);
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
    expect(en.text).toContain(`/reports/${report.id}`);
    expect(zh.subject).toBe('Branches monthly：2026-11 (2026-11-01 – 2026-11-30) 服务报告');
    expect(zh.text).toContain('- Main branch：40 份回复；');
    expect(zh.text).toContain(nps);
    expect(zh.text).toContain('显著变化');

    const past = await tp.request(`/api/reports?definition=${definitionId}`, { cookie: admin });
    expect((past.body as { reports: { period: { key: string }; sentTo: string[] }[] }).reports.map((r) => [r.period.key, [...r.sentTo].sort()])).toEqual([
      ['2026-11', ['ops@example.test', 'zhang@example.test']],
    ]);
  });
});
