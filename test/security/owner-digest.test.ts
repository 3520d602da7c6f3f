import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'bullmq';
import { ContactModel } from '../../server/contacts/contact.model';
import { digestWindowOf, type DigestWindow } from '../../server/follow-up/digest-window';
import { ownerDigestJob } from '../../server/follow-up/follow-up-digest.job';
import { DIGEST_LIST_MAX, sendOwnerDigest } from '../../server/follow-up/follow-up-digest.service';
import { followUpJob } from '../../server/follow-up/follow-up.job';
import { createRedis } from '../../server/lib/redis';
import { startWorkers } from '../../server/lib/queue';
import { SendLogModel } from '../../server/mail/send-log.model';
import { SendInProgress } from '../../server/mail/send-once';
import { ResponseModel } from '../../server/responses/response.model';
import { issueResponseToken } from '../../server/responses/response-token.service';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { parseMail, scoredAnswers, waitUntil, type ParsedMail } from '../integration/follow-up-fixtures';
import { publishSurvey, validSubmission } from '../integration/responses-fixtures';

// Issue 13, medium: five anonymous posts with nps 0 sent ten owner emails. Owners now get one digest per
// touchpoint per window, listing what matched in it.
const WINDOW_MS = 4_000;
const OWNERS = ['lead@bank.test', 'manager@bank.test'];
let tp: TestPlatform;
let survey: { id: string; slug: string; version: number };

beforeAll(async () => {
  tp = await startTestPlatform({ FOLLOW_UP_DIGEST_MS: String(WINDOW_MS), RESPOND_RATE_PER_IP: '100000', RESPOND_RATE_PER_SURVEY: '100000', LOG_LEVEL: 'silent' });
  const admin = await tp.login();
  survey = await publishSurvey(tp, admin);
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'lobby', name: 'Lobby', owners: OWNERS } })).status).toBe(201);
  const rule = { enabled: true, when: { npsAtMost: 6 }, acknowledge: true, notifyOwners: true };
  expect((await tp.request(`/api/surveys/${survey.id}/follow-up-rule`, { cookie: admin, method: 'PUT', body: rule })).status).toBe(200);
});
afterAll(async () => {
  await tp?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the start of a fresh window, so the posts that follow all match in it. */
async function freshWindow(): Promise<DigestWindow> {
  const next = digestWindowOf(new Date(), WINDOW_MS).end;
  await sleep(next.getTime() - Date.now() + 20);
  return digestWindowOf(new Date(), WINDOW_MS);
}

async function postLowScore(extra: Record<string, unknown> = {}): Promise<string> {
  const body = validSubmission(survey.version, { touchpoint: 'lobby', answers: scoredAnswers(0), ...extra });
  const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body, csrf: false });
  expect(reply.status, reply.text).toBe(201);
  return (reply.body as { id: string }).id;
}

const ownerMails = (from: number): ParsedMail[] => tp.mailbox.messages.slice(from).map(parseMail).filter((m) => OWNERS.includes(m.to[0]!));
const statuses = async (ids: string[]) => (await ResponseModel.find({ _id: { $in: ids } }, { followUp: 1 }).lean()).map((r) => (r.followUp as { status: string }).status);

/** Waits past the window's digest, then returns the owner emails that arrived since `from`. */
async function digestsAfter(window: DigestWindow, from: number): Promise<ParsedMail[]> {
  await waitUntil(async () => ownerMails(from).length, (n) => n >= OWNERS.length, WINDOW_MS * 4);
  await sleep(1_000); // a second email to an owner would have arrived by now
  expect(Date.now()).toBeGreaterThan(window.end.getTime());
  return ownerMails(from);
}

describe('owner alerts are digested per touchpoint and window', () => {
  it('five low scores in one window: one email per owner listing all five; the customer acknowledgement stays per response', async () => {
    const window = await freshWindow();
    const before = tp.mailbox.messages.length;
    const contact = await ContactModel.create({ email: 'wei@example.test', name: 'Wei', locale: 'en' });
    const { token } = await issueResponseToken({ surveyId: survey.id, contactId: contact._id, expiresAt: new Date(Date.now() + 86_400_000) });
    const ids = [await postLowScore({ token })];
    for (let i = 0; i < 4; i++) ids.push(await postLowScore());
    expect(Date.now()).toBeLessThan(window.end.getTime());

    // The acknowledgement does not wait for the window; the follow-ups stay pending until the digest.
    const ack = await waitUntil(async () => tp.mailbox.messages.slice(before).map(parseMail).find((m) => m.to.includes('wei@example.test')), Boolean, WINDOW_MS);
    expect(ack!.subject).not.toMatch(/Follow-up needed/);
    if (Date.now() < window.end.getTime() - 300) expect(await statuses(ids)).toEqual(ids.map(() => 'pending'));

    const digests = await digestsAfter(window, before);
    expect(digests.map((m) => m.to[0]).sort()).toEqual(OWNERS);
    for (const mail of digests) {
      expect(mail.subject).toBe('Follow-up needed: low scores at Lobby (5)');
      for (const id of ids) expect(mail.text).toContain(`${tp.url}/dashboard?survey=${survey.id}&response=${id}`);
      expect(mail.text).toContain('NPS 0 (at most 6) · Wei wei@example.test');
      expect(mail.text.match(/anonymous customer/g)).toHaveLength(4);
      expect(mail.text).not.toContain('more');
    }
    expect(await statuses(ids)).toEqual(ids.map(() => 'open'));
    const stored = await ResponseModel.findById(ids[0], { followUp: 1 }).lean();
    expect((stored!.followUp as { alerts: unknown }).alerts).toEqual({ ack: 'sent', owners: { 'lead@bank.test': 'sent', 'manager@bank.test': 'sent' }, ownersSkipped: null });
    expect(await SendLogModel.countDocuments({ kind: 'follow-up-owner', key: { $regex: `/${window.start.toISOString()}$` } })).toBe(OWNERS.length);
  });

  it('the next window sends a new digest, listing at most the cap and counting the rest', async () => {
    const window = await freshWindow();
    const before = tp.mailbox.messages.length;
    const ids = await Promise.all(Array.from({ length: DIGEST_LIST_MAX + 2 }, () => postLowScore()));
    expect(Date.now()).toBeLessThan(window.end.getTime());
    const digests = await digestsAfter(window, before);
    expect(digests).toHaveLength(OWNERS.length);
    for (const mail of digests) {
      expect(mail.subject).toBe(`Follow-up needed: low scores at Lobby (${DIGEST_LIST_MAX + 2})`);
      expect(mail.text.match(/\/dashboard\?survey=/g)).toHaveLength(DIGEST_LIST_MAX);
      expect(mail.text).toContain('…and 2 more: see the dashboard.');
    }
    await waitUntil(() => statuses(ids), (list) => list.every((s) => s === 'open'));
  });

  it('two workers, and the digest run twice at once, still send one email per owner', async () => {
    const { context } = tp.platform;
    const connection = createRedis(context.services.redisUrl, 'worker');
    let second: Worker[] = [];
    try {
      second = startWorkers([followUpJob, ownerDigestJob], { connection, prefix: context.config.QUEUE_PREFIX, context, lockDurationMs: 30_000, stalledCheckMs: 30_000 });
      const window = await freshWindow();
      const before = tp.mailbox.messages.length;
      const ids = await Promise.all([postLowScore(), postLowScore(), postLowScore()]);
      await waitUntil(() => ResponseModel.countDocuments({ _id: { $in: ids }, 'followUp.digestWindow': window.start }), (n) => n === ids.length, WINDOW_MS);
      // Both run the digest before its job does: the send log lets one email per owner through. A run
      // that met the other sending an owner's email fails (the job would retry) and settles nothing.
      const digest = { touchpoint: 'lobby', windowStart: window.start, windowEnd: window.end };
      const runs = await Promise.allSettled([sendOwnerDigest(context, digest), sendOwnerDigest(context, digest)]);
      for (const run of runs) {
        if (run.status === 'fulfilled') expect(run.value.listed).toBe(ids.length);
        else expect(run.reason).toBeInstanceOf(SendInProgress);
      }

      await sleep(window.end.getTime() - Date.now() + 1_500); // the scheduled job has run by now too, finding nothing pending
      const digests = ownerMails(before);
      expect(digests.map((m) => m.to[0]).sort()).toEqual(OWNERS);
      expect(digests.every((m) => m.subject === 'Follow-up needed: low scores at Lobby (3)')).toBe(true);
      expect(await statuses(ids)).toEqual(ids.map(() => 'open'));
    } finally {
      await Promise.all(second.map((worker) => worker.close()));
      await connection.quit();
    }
  });
});
