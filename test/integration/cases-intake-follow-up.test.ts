import type { Worker } from 'bullmq';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecordView } from '@shared/cases/case-api.schema';
import type { ResponseList, StoredResponse } from '@shared/responses/response-list.schema';
import { CaseModel } from '../../server/cases/case.model';
import { ContactModel } from '../../server/contacts/contact.model';
import { openFollowUpCase } from '../../server/follow-up/follow-up-case.service';
import { migrateFollowUpsToCases } from '../../server/follow-up/follow-up-cases.migration';
import { followUpJob, followUpJobId } from '../../server/follow-up/follow-up.job';
import { sendFollowUpAlerts } from '../../server/follow-up/follow-up.service';
import { startWorkers } from '../../server/lib/queue';
import { createRedis } from '../../server/lib/redis';
import { ResponseModel } from '../../server/responses/response.model';
import { issueResponseToken } from '../../server/responses/response-token.service';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { move, SECONDS_POLICY, staff, team } from './cases-fixtures';
import { scoredAnswers, waitUntil } from './follow-up-fixtures';
import { publishSurvey, validSubmission } from './responses-fixtures';

let tp: TestPlatform;
let admin: string;
let survey: { id: string; slug: string; version: number };
let counterTeam: string;
let secondWorker: Worker;
const OWNERS = ['lead@bank.test'];

beforeAll(async () => {
  tp = await startTestPlatform({ RESPOND_RATE_PER_IP: '100000', FOLLOW_UP_DIGEST_MS: '1000' });
  admin = await tp.login();
  survey = await publishSurvey(tp, admin);
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch-visit', name: 'Branch visit', owners: OWNERS } })).status).toBe(201);
  const rule = await tp.request(`/api/surveys/${survey.id}/follow-up-rule`, { cookie: admin, method: 'PUT', body: { enabled: true, when: { npsAtMost: 6 }, acknowledge: true, notifyOwners: true } });
  expect(rule.status).toBe(200);
  const agent = await staff(tp.request, tp.login, admin, 'follow.agent@bank.test');
  const lowPolicy = { ...SECONDS_POLICY, rules: [{ priority: '*', segment: '*', targets: { acknowledge: 600, investigate: 600, plan: 600, answer: 600, resolve: 600 } }] };
  const policy = await tp.request('/api/case-admin/sla-policies', { cookie: admin, body: lowPolicy });
  counterTeam = await team(tp.request, admin, { name: 'Counter', members: [agent.id], slaPolicyId: (policy.body as { id: string }).id });
  const rules = await tp.request('/api/case-admin/intake-rules', {
    cookie: admin,
    method: 'PUT',
    body: {
      defaultTeamId: null,
      routes: [{ touchpoint: 'branch-visit', channel: '*', teamId: counterTeam }],
      priorities: [
        { segments: ['vip'], priority: 'high' },
        { score: { metric: 'nps', atMost: 1 }, priority: 'urgent' },
      ],
      defaultPriority: 'normal',
    },
  });
  expect(rules.status, rules.text).toBe(200);
  // A second worker on the follow-up queue, as a second worker process would be.
  const { context } = tp.platform;
  [secondWorker] = startWorkers([followUpJob], {
    connection: createRedis(context.services.redisUrl, 'worker'),
    prefix: context.config.QUEUE_PREFIX,
    context,
    lockDurationMs: 30_000,
    stalledCheckMs: 30_000,
  }) as [Worker];
});
afterAll(async () => {
  await secondWorker?.close();
  await tp?.stop();
});

async function listed(): Promise<StoredResponse[]> {
  const reply = await tp.request(`/api/surveys/${survey.id}/responses?limit=500`, { cookie: admin });
  return (reply.body as ResponseList).responses;
}
const followUpOf = async (id: string) => (await listed()).find((r) => r.id === id)?.followUp ?? null;
const casesOf = (responseId: string) => CaseModel.find({ 'origin.responseId': responseId }).lean();

describe('a low-score follow-up opens a case', () => {
  it('once per response, routed and prioritised by the rules, even resubmitted and re-run on two workers', async () => {
    const contact = await ContactModel.create({ email: 'mei.li@example.test', name: 'Li Mei' });
    const { token } = await issueResponseToken({ surveyId: survey.id, contactId: contact._id, segment: 'vip', touchpoint: 'branch-visit', channel: 'sms', expiresAt: new Date(Date.now() + 86_400_000) });
    const body = validSubmission(survey.version, { token, answers: scoredAnswers(3) });
    const before = tp.mailbox.messages.length;
    const posted = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body, csrf: false });
    expect(posted.status, posted.text).toBe(201);
    const responseId = (posted.body as { id: string }).id;
    const mark = await waitUntil(() => followUpOf(responseId), (f) => f?.case != null && f.status === 'open');
    const opened = (await tp.request(`/api/cases/${mark!.case}`, { cookie: admin })).body as CaseRecordView;
    expect(opened).toMatchObject({ source: 'follow-up', status: 'new', contactId: contact._id.toString(), touchpoint: 'branch-visit', channel: 'sms', segment: 'vip', priority: 'high', teamId: counterTeam });
    expect(opened.description).toContain('NPS 3 (at most 6)');
    expect(opened.summary).toBe('Low score: NPS 3 (at most 6)');
    // The emails go on as before: the customer's acknowledgement and the owner's digest.
    expect((await tp.mailbox.waitFor(before + 2)).slice(before).map((m) => m.to[0]).sort()).toEqual(['lead@bank.test', 'mei.li@example.test']);

    // A resubmission, the job again on both workers, and a direct re-open all find the same case.
    expect((await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body, csrf: false })).status).toBe(200);
    const queues = tp.platform.context.queues;
    await Promise.all([1, 2, 3].map((n) => queues.enqueue(followUpJob, { responseId }, { jobId: `${followUpJobId(responseId)}-again-${n}` })));
    const response = (await ResponseModel.findById(responseId).lean())!;
    const again = await Promise.all([1, 2, 3].map(() => openFollowUpCase(tp.platform.context, response, { reasons: [{ metric: 'nps', value: 3, atMost: 6 }], matchedAt: new Date() })));
    expect(new Set(again.map((c) => c!.number))).toEqual(new Set([Number(opened.ref.slice(2))]));
    await new Promise((r) => setTimeout(r, 500));
    expect((await casesOf(responseId)).length).toBe(1);
    expect(tp.mailbox.messages.length).toBe(before + 2);
  });

  it('two matches processed at once on both workers open a case each; urgency from the score', async () => {
    const ids = await Promise.all(
      [0, 1].map(async () => {
        const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body: validSubmission(survey.version, { touchpoint: 'branch-visit', answers: scoredAnswers(1) }), csrf: false });
        return (reply.body as { id: string }).id;
      }),
    );
    for (const id of ids) {
      const mark = await waitUntil(() => followUpOf(id), (f) => f?.case != null);
      const view = (await tp.request(`/api/cases/${mark!.case}`, { cookie: admin })).body as CaseRecordView;
      expect([view.priority, view.channel, view.segment, view.contactId]).toEqual(['urgent', 'untagged', 'standard', null]);
      expect((await casesOf(id)).length).toBe(1);
    }
  });

  it('resolving the case marks the follow-up done, reopening opens it; the old close route answers 410 naming the case', async () => {
    const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body: validSubmission(survey.version, { touchpoint: 'branch-visit', answers: scoredAnswers(5) }), csrf: false });
    const id = (reply.body as { id: string }).id;
    const mark = await waitUntil(() => followUpOf(id), (f) => f?.case != null && f.status === 'open');
    const ref = mark!.case!;
    const gone = await tp.request(`/api/responses/${id}/follow-up/done`, { cookie: admin, method: 'POST' });
    expect(gone.status).toBe(410);
    expect(gone.body).toMatchObject({ code: 'follow-up-is-a-case', case: ref });
    expect((gone.body as { detail: string }).detail).toContain(ref);
    expect((await followUpOf(id))!.status).toBe('open');

    expect((await move(tp.request, admin, ref, 'resolve')).status).toBe(200);
    expect(await followUpOf(id)).toMatchObject({ status: 'done', doneAt: expect.any(String), doneBy: expect.any(String), case: ref });
    expect((await move(tp.request, admin, ref, 'reopen')).status).toBe(200);
    expect(await followUpOf(id)).toMatchObject({ status: 'open', doneAt: null, case: ref });
  });
});

describe('follow-up flags from before cases', () => {
  it('become cases at start-up: pending and open ones open cases, done ones closed; a second run changes nothing', async () => {
    const submit = async () => {
      const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body: validSubmission(survey.version, { touchpoint: 'branch-visit', answers: scoredAnswers(9) }), csrf: false });
      expect(reply.status, reply.text).toBe(201);
      return (reply.body as { id: string }).id;
    };
    const [pending, open, done, untagged] = [await submit(), await submit(), await submit(), await submit()];
    const doneBy = new Types.ObjectId();
    const flag = (status: string, extra: Record<string, unknown> = {}) => ({
      status,
      reason: 'NPS 2 (at most 6)',
      reasons: [{ metric: 'nps', value: 2, atMost: 6 }],
      matchedAt: new Date(),
      acknowledge: false,
      notifyOwners: false,
      alerts: null,
      doneAt: null,
      doneBy: null,
      ...extra,
    });
    // As stored before cases: no case number on the mark.
    await ResponseModel.updateOne({ _id: pending }, { $set: { followUp: flag('pending') } });
    await ResponseModel.updateOne({ _id: open }, { $set: { followUp: flag('open') } });
    await ResponseModel.updateOne({ _id: done }, { $set: { followUp: flag('done', { doneAt: new Date('2026-11-01T10:00:00Z'), doneBy }) } });
    await ResponseModel.updateOne({ _id: untagged }, { $set: { touchpoint: null, followUp: flag('open') } });

    const first = await migrateFollowUpsToCases(tp.platform.context);
    expect(first).toEqual({ open: 2, closed: 1, skipped: 1 });
    const statusOf = async (id: string) => {
      const cases = await casesOf(id);
      expect(cases.length).toBe(1);
      return cases[0]!.status;
    };
    expect([await statusOf(pending), await statusOf(open), await statusOf(done)]).toEqual(['new', 'new', 'closed']);
    const closed = (await casesOf(done))[0]!;
    expect(closed.timeline.map((e) => e.kind)).toEqual(['opened', 'moved', 'moved']);
    expect(closed.timeline[1]!.by?.toString()).toBe(doneBy.toString());
    expect(String(closed.timeline[1]!.data.note)).toContain('2026-11-01T10:00:00.000Z');
    expect((await followUpOf(done))!.status).toBe('done');
    expect((await followUpOf(open))!.case).toMatch(/^C-\d{6}$/);
    expect(await casesOf(untagged)).toEqual([]);

    expect(await migrateFollowUpsToCases(tp.platform.context)).toEqual({ open: 0, closed: 0, skipped: 1 });
    // The pending flag's job runs later and finds its case.
    await sendFollowUpAlerts(tp.platform.context, pending);
    expect((await casesOf(pending)).length).toBe(1);
    expect((await casesOf(done)).length).toBe(1);
  });
});
