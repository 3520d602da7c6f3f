import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseList, StoredResponse } from '@shared/responses/response-list.schema';
import { ContactModel } from '../../server/contacts/contact.model';
import { followUpJob, followUpJobId } from '../../server/follow-up/follow-up.job';
import { sendFollowUpAlerts } from '../../server/follow-up/follow-up.service';
import { SendLogModel } from '../../server/mail/send-log.model';
import { issueResponseToken } from '../../server/responses/response-token.service';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { parseMail, scoredAnswers, waitUntil } from './follow-up-fixtures';
import { publishSurvey, validSubmission, type Problem } from './responses-fixtures';

let tp: TestPlatform;
let admin: string;
let survey: { id: string; slug: string; version: number };
const OWNERS = ['lead@bank.test', 'manager@bank.test'];
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000);

beforeAll(async () => {
  // Owner alerts are digested per window (test/security/owner-digest.test.ts); a short one keeps these quick.
  tp = await startTestPlatform({ RESPOND_RATE_PER_IP: '100000', FOLLOW_UP_DIGEST_MS: '1000' });
  admin = await tp.login();
  survey = await publishSurvey(tp, admin);
  const touchpoint = await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch-visit', name: 'Branch visit', owners: OWNERS } });
  expect(touchpoint.status).toBe(201);
  const rule = await tp.request(`/api/surveys/${survey.id}/follow-up-rule`, {
    cookie: admin,
    method: 'PUT',
    body: { enabled: true, when: { npsAtMost: 6, csatAtMost: 2 }, acknowledge: true, notifyOwners: true },
  });
  expect(rule.status).toBe(200);
});
afterAll(async () => {
  await tp?.stop();
});

async function personalSubmission(contact: { email: string; name?: string; locale?: string; unsubscribedAt?: Date }, nps: number) {
  const doc = await ContactModel.create(contact);
  const { token } = await issueResponseToken({ surveyId: survey.id, contactId: doc._id, expiresAt: inAWeek() });
  const body = validSubmission(survey.version, { token, touchpoint: 'branch-visit', locale: contact.locale ?? 'en', answers: scoredAnswers(nps) });
  const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body, csrf: false });
  expect(reply.status).toBe(201);
  return { contactId: doc._id.toString(), responseId: (reply.body as { id: string }).id, body };
}

async function listed(query = ''): Promise<StoredResponse[]> {
  const reply = await tp.request(`/api/surveys/${survey.id}/responses?limit=500${query}`, { cookie: admin });
  expect(reply.status).toBe(200);
  return (reply.body as ResponseList).responses;
}
const followUpOf = async (id: string) => (await listed()).find((r) => r.id === id)?.followUp ?? null;
const mailsFor = (responseId: string) => SendLogModel.find({ responseId }).lean();

describe('low-score follow-up', () => {
  it('a low NPS sends the customer one acknowledgement and each owner one digest listing it, and marks the response', async () => {
    const before = tp.mailbox.messages.length;
    const { responseId, contactId, body } = await personalSubmission({ email: 'wei.zhang@example.test', name: 'Zhang Wei', locale: 'zh-CN' }, 3);
    const messages = (await tp.mailbox.waitFor(before + 3)).slice(before).map(parseMail);
    const mark = await waitUntil(() => followUpOf(responseId), (f) => f?.status === 'open');
    expect(mark).toMatchObject({ status: 'open', reasons: [{ metric: 'nps', value: 3, atMost: 6 }], reason: 'NPS 3 (at most 6)', doneAt: null });

    const ack = messages.find((m) => m.to.includes('wei.zhang@example.test'))!;
    expect(ack.subject).toBe('抱歉，这次的服务没有让您满意');
    expect(ack.text).toContain('Zhang Wei，您好');
    expect(ack.text).toContain('Branch visit');
    expect(ack.headers.get('list-unsubscribe')).toMatch(new RegExp(`^<${tp.url}/u/${contactId}\\.[A-Za-z0-9_-]{22}>$`));
    expect(ack.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const alerts = messages.filter((m) => !m.to.includes('wei.zhang@example.test'));
    expect(alerts.map((m) => m.to[0]).sort()).toEqual(OWNERS);
    for (const alert of alerts) {
      expect(alert.subject).toBe('Follow-up needed: low scores at Branch visit (1)');
      expect(alert.text).toContain(`${tp.url}/dashboard?survey=${survey.id}&response=${responseId}`);
      expect(alert.text).toContain('NPS 3 (at most 6) · Zhang Wei wei.zhang@example.test · Branch visit');
      expect(alert.headers.has('list-unsubscribe')).toBe(false);
    }

    // Running the job again, resubmitting, and the sweep's re-run all send nothing more.
    await tp.platform.context.queues.enqueue(followUpJob, { responseId }, { jobId: `${followUpJobId(responseId)}-again` });
    expect((await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body, csrf: false })).status).toBe(200);
    expect(await sendFollowUpAlerts(tp.platform.context, responseId)).toEqual({ skipped: 'open' });
    await new Promise((r) => setTimeout(r, 500));
    expect(tp.mailbox.messages.length).toBe(before + 3);
    const log = await mailsFor(responseId);
    expect(log.map((entry) => [entry.kind, entry.to, entry.status])).toEqual([['follow-up-ack', 'wei.zhang@example.test', 'sent']]);
    const digests = await SendLogModel.find({ kind: 'follow-up-owner', key: { $regex: '^follow-up-owner/branch-visit/' } }).lean();
    expect(digests.map((entry) => [entry.to, entry.status]).sort()).toEqual(OWNERS.map((owner) => [owner, 'sent']));
  });

  it('a high score triggers nothing: no mark, no job, no email', async () => {
    const before = tp.mailbox.messages.length;
    const { responseId } = await personalSubmission({ email: 'happy@example.test', name: 'Happy' }, 9);
    expect(await tp.platform.context.queues.queue(followUpJob).getJob(followUpJobId(responseId))).toBeUndefined();
    await new Promise((r) => setTimeout(r, 500));
    expect(await followUpOf(responseId)).toBeNull();
    expect(await mailsFor(responseId)).toEqual([]);
    expect(tp.mailbox.messages.length).toBe(before);
  });

  it('an unsubscribed contact gets no acknowledgement, but the owners are still alerted', async () => {
    const before = tp.mailbox.messages.length;
    const { responseId } = await personalSubmission({ email: 'gone@example.test', name: 'Gone', unsubscribedAt: new Date() }, 1);
    const messages = (await tp.mailbox.waitFor(before + 2)).slice(before);
    await waitUntil(() => followUpOf(responseId), (f) => f?.status === 'open');
    expect(messages.map((m) => m.to[0]).sort()).toEqual(OWNERS);
    await new Promise((r) => setTimeout(r, 300));
    expect(tp.mailbox.messages.length).toBe(before + 2);
    expect(await mailsFor(responseId)).toEqual([]);
  });

  it('an anonymous low score (no personal link) alerts the owners only', async () => {
    const before = tp.mailbox.messages.length;
    const body = validSubmission(survey.version, { touchpoint: 'branch-visit', answers: scoredAnswers(8, 1) });
    const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body, csrf: false });
    const { id } = reply.body as { id: string };
    const messages = (await tp.mailbox.waitFor(before + 2)).slice(before).map(parseMail);
    expect(messages.map((m) => m.to[0]).sort()).toEqual(OWNERS);
    expect(messages[0]!.text).toContain('CSAT 1 (at most 2) · anonymous customer');
    expect(await waitUntil(() => followUpOf(id), (f) => f?.status === 'open')).toMatchObject({ reason: 'CSAT 1 (at most 2)' });
  });

  it('staff filter the list by follow-up status; closing a flag by hand is gone (410: follow-ups are cases)', async () => {
    const open = await listed('&followUp=open');
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(open.every((r) => r.followUp && r.followUp.status !== 'done')).toBe(true);
    const target = open[0]!;
    // No team takes cases here (no intake rules), so the match has no case; the 410 says so.
    expect(target.followUp!.case).toBeNull();
    const gone = await tp.request(`/api/responses/${target.id}/follow-up/done`, { cookie: admin, method: 'POST' });
    expect(gone.status).toBe(410);
    expect(gone.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(gone.body).toMatchObject({ code: 'follow-up-is-a-case', case: null });
    expect((await listed('&followUp=done')).map((r) => r.id)).toEqual([]);
    expect((await listed('&followUp=any')).length).toBe(open.length);
    expect((await tp.request(`/api/surveys/${survey.id}/responses?followUp=maybe`, { cookie: admin })).status).toBe(400);
  });
});

describe('the follow-up rule', () => {
  it('reads back what was saved, refuses thresholds off the scale, and needs a designer', async () => {
    const read = await tp.request(`/api/surveys/${survey.id}/follow-up-rule`, { cookie: admin });
    expect(read.body).toEqual({ enabled: true, when: { npsAtMost: 6, csatAtMost: 2 }, acknowledge: true, notifyOwners: true });

    const bad = await tp.request(`/api/surveys/${survey.id}/follow-up-rule`, {
      cookie: admin,
      method: 'PUT',
      body: { enabled: true, when: { npsAtMost: 11 }, acknowledge: true, notifyOwners: true },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Problem).invalid_params?.map((p) => p.name)).toEqual(['body.when.npsAtMost']);
    const empty = await tp.request(`/api/surveys/${survey.id}/follow-up-rule`, { cookie: admin, method: 'PUT', body: { enabled: true, when: {}, acknowledge: true, notifyOwners: true } });
    expect(empty.status).toBe(400);

    const created = await tp.request('/api/users', { cookie: admin, body: { email: 'analyst@example.test', name: 'Ana', role: 'analyst', password: 'analyst-password-1' } });
    expect(created.status).toBe(201);
    const analyst = await tp.login('analyst@example.test', 'analyst-password-1');
    expect((await tp.request(`/api/surveys/${survey.id}/follow-up-rule`, { cookie: analyst })).status).toBe(403);
    expect((await tp.request(`/api/surveys/${'0'.repeat(24)}/follow-up-rule`, { cookie: admin })).status).toBe(404);
  });

  it('a survey without a rule reads as off, and a disabled rule stops follow-ups at once in this process', async () => {
    const other = await publishSurvey(tp, admin);
    expect((await tp.request(`/api/surveys/${other.id}/follow-up-rule`, { cookie: admin })).body).toEqual({
      enabled: false,
      when: {},
      acknowledge: true,
      notifyOwners: true,
    });
    const off = await tp.request(`/api/surveys/${survey.id}/follow-up-rule`, { cookie: admin, method: 'PUT', body: { enabled: false, when: { npsAtMost: 6 }, acknowledge: true, notifyOwners: true } });
    expect(off.status).toBe(200);
    const { responseId } = await personalSubmission({ email: 'later@example.test' }, 0);
    expect(await followUpOf(responseId)).toBeNull();
  });
});
