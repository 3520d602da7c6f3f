import { afterAll, beforeAll, expect, it } from 'vitest';
import { ContactModel } from '../../server/contacts/contact.model';
import { ownerDigestJob, ownerDigestJobId } from '../../server/follow-up/follow-up-digest.job';
import { followUpJob, followUpJobId, followUpSweepJob } from '../../server/follow-up/follow-up.job';
import { ResponseModel } from '../../server/responses/response.model';
import { issueResponseToken } from '../../server/responses/response-token.service';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { scoredAnswers, waitUntil } from './follow-up-fixtures';
import { publishSurvey, validSubmission } from './responses-fixtures';

let tp: TestPlatform;
let survey: { id: string; slug: string; version: number };

beforeAll(async () => {
  tp = await startTestPlatform({ FOLLOW_UP_SWEEP_MS: '1000', FOLLOW_UP_DIGEST_MS: '1000' });
  const admin = await tp.login();
  survey = await publishSurvey(tp, admin);
  await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'delivery', name: 'Delivery', owners: ['owner@shop.test'] } });
  await tp.request(`/api/surveys/${survey.id}/follow-up-rule`, {
    cookie: admin,
    method: 'PUT',
    body: { enabled: true, when: { npsAtMost: 6 }, acknowledge: true, notifyOwners: true },
  });
});
afterAll(async () => {
  await tp?.stop();
});

it('a follow-up whose job was lost is sent by the scheduled sweep, once', async () => {
  const queue = tp.platform.context.queues.queue(followUpJob);
  expect(await tp.platform.context.queues.queue(followUpSweepJob).getJobScheduler('follow-up-sweep-schedule')).toMatchObject({ every: 1000 });
  // Hold the follow-up queue, so the job can be taken away before a worker runs it: a lost enqueue.
  await queue.pause();
  const contact = await ContactModel.create({ email: 'late@example.test', name: 'Late' });
  const { token } = await issueResponseToken({ surveyId: survey.id, contactId: contact._id, expiresAt: new Date(Date.now() + 86_400_000) });
  const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, {
    body: validSubmission(survey.version, { token, touchpoint: 'delivery', answers: scoredAnswers(4) }),
    csrf: false,
  });
  expect(reply.status).toBe(201);
  const responseId = (reply.body as { id: string }).id;
  const pending = await ResponseModel.findById(responseId).lean();
  expect(pending?.followUp).toMatchObject({ status: 'pending', reason: 'NPS 4 (at most 6)' });
  const job = await queue.getJob(followUpJobId(responseId));
  expect(job).toBeDefined();
  await job!.remove();
  await queue.resume();

  const before = tp.mailbox.messages.length;
  const messages = (await tp.mailbox.waitFor(before + 2, 15_000)).slice(before);
  expect(messages.map((m) => m.to[0]).sort()).toEqual(['late@example.test', 'owner@shop.test']);
  await waitUntil(async () => (await ResponseModel.findById(responseId).lean())?.followUp as { status: string }, (f) => f.status === 'open');
  // Later sweeps leave an open follow-up alone.
  await new Promise((r) => setTimeout(r, 2500));
  expect(tp.mailbox.messages.length).toBe(before + 2);
});

it('a follow-up whose digest was lost is handed to a later digest by the sweep, and its owner alerted once', async () => {
  const digests = tp.platform.context.queues.queue(ownerDigestJob);
  await digests.pause();
  const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, {
    body: validSubmission(survey.version, { touchpoint: 'delivery', answers: scoredAnswers(2) }),
    csrf: false,
  });
  expect(reply.status).toBe(201);
  const responseId = (reply.body as { id: string }).id;
  const handed = await waitUntil(
    async () => (await ResponseModel.findById(responseId).lean())?.followUp as { status: string; digestWindow?: Date },
    (f) => Boolean(f.digestWindow),
  );
  // The hand-over is written before the digest is enqueued.
  const job = await waitUntil(() => digests.getJob(ownerDigestJobId('delivery', new Date(handed.digestWindow!))), Boolean);
  await job!.remove();
  const before = tp.mailbox.messages.length;
  await digests.resume();

  const messages = (await tp.mailbox.waitFor(before + 1, 15_000)).slice(before);
  expect(messages.map((m) => m.to[0])).toEqual(['owner@shop.test']);
  const open = await waitUntil(async () => (await ResponseModel.findById(responseId).lean())?.followUp as { status: string; digestWindow: Date }, (f) => f.status === 'open');
  expect(new Date(open.digestWindow).getTime()).toBeGreaterThan(new Date(handed.digestWindow!).getTime());
  await new Promise((r) => setTimeout(r, 2500));
  expect(tp.mailbox.messages.length).toBe(before + 1);
});
