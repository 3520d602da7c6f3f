import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxPage } from '@shared/distributions/distribution.schema';
import { ContactModel } from '../../server/contacts/contact.model';
import { RecipientModel } from '../../server/distributions/recipient.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { closedWindow, distributionsApi, seedContacts, sleep, startRejectingMailbox, type RejectingMailbox } from './distributions-fixtures';
import { waitUntil } from './follow-up-fixtures';
import { publishSurvey, validSubmission, type Problem } from './responses-fixtures';

let tp: TestPlatform;
let mailbox: RejectingMailbox;
let admin: string;
let api: ReturnType<typeof distributionsApi>;
let survey: { id: string; slug: string; version: number };
const BOUNCE = 'bounce@example.test';
const BUSY = 'busy-0@example.test';
const SWEEP_MS = 200;

beforeAll(async () => {
  mailbox = await startRejectingMailbox([BOUNCE], [BUSY]);
  tp = await startTestPlatform({ SMTP_URL: mailbox.url, REMINDER_SWEEP_MS: String(SWEEP_MS), RESPOND_RATE_PER_IP: '100000', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  admin = await tp.login();
  api = distributionsApi(tp.request, admin);
  survey = await publishSurvey(tp, admin);
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch-visit', name: 'Branch visit' } })).status).toBe(201);
});
afterAll(async () => {
  await tp?.stop();
  await mailbox?.stop();
});

const base = () => ({ survey: survey.id, touchpoint: 'branch-visit', reminders: { afterDays: 1, max: 0 }, quarantineDays: 30 });
const mailsTo = (email: string) => mailbox.byRecipient().get(email) ?? [];

describe('distributions', () => {
  it('refuses what it cannot run, naming each field, and analysts may read but not create', async () => {
    const draft = await tp.request('/api/surveys', { cookie: admin, body: { title: 'Draft only' } });
    const reply = await tp.request('/api/distributions', {
      cookie: admin,
      body: {
        ...base(),
        survey: (draft.body as { id: string }).id,
        touchpoint: 'nowhere',
        channel: 'carrier-pigeon',
        audience: { segment: 'regular' },
        schedule: { type: 'recurring', cron: '61 * * * *' },
      },
    });
    expect(reply.status).toBe(400);
    expect((reply.body as Problem).invalid_params?.map((p) => p.name).sort()).toEqual(['body.channel', 'body.schedule.cron', 'body.survey', 'body.touchpoint']);
    const shape = await tp.request('/api/distributions', {
      cookie: admin,
      body: { ...base(), audience: {}, schedule: { type: 'recurring', every: 'weekly' }, sendWindow: { from: '9:00', to: '17:00', timezone: 'Mars/Base' } },
    });
    expect(shape.status).toBe(400);
    expect((shape.body as Problem).invalid_params?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['body.schedule.every', 'body.sendWindow.from', 'body.sendWindow.timezone']),
    );

    const created = await tp.request('/api/users', { cookie: admin, body: { email: 'ana@example.test', name: 'Ana', role: 'analyst', password: 'analyst password 1' } });
    expect(created.status).toBe(201);
    const analyst = await tp.login('ana@example.test', 'analyst password 1');
    expect((await tp.request('/api/distributions', { cookie: analyst })).status).toBe(200);
    expect((await tp.request('/api/distributions', { cookie: analyst, body: { ...base(), audience: {}, schedule: { type: 'once' } } })).status).toBe(403);
  });

  it('reaches every eligible contact exactly once and reports unsubscribed and quarantined contacts with reasons', async () => {
    const eligible = await seedContacts('once', 12, { segment: 'regular' });
    const [unsubscribed] = await seedContacts('once-unsub', 1, { segment: 'regular', unsubscribedAt: new Date() });
    const [recent] = await seedContacts('once-recent', 1, { segment: 'regular', lastSurveyedAt: new Date(Date.now() - 5 * 86_400_000) });
    await seedContacts('once-vip', 3, { segment: 'vip' });

    const id = await api.create({ ...base(), audience: { segment: 'regular' }, schedule: { type: 'once' } });
    await mailbox.waitFor(12);
    const done = await waitUntil(() => api.get(id), (d) => d.counts.sent === 12);
    expect(done.counts).toMatchObject({ recipients: 14, queued: 0, sent: 12, failed: 0, skipped: { unsubscribed: 1, quarantine: 1 } });
    expect(done.occurrences).toEqual(['once']);
    await sleep(500);
    for (const contact of eligible) expect(mailsTo(contact.email)).toHaveLength(1);
    expect(mailsTo(unsubscribed!.email)).toHaveLength(0);
    expect(mailsTo(recent!.email)).toHaveLength(0);
    expect(mailbox.received).toHaveLength(12);

    const mail = mailsTo(eligible[0]!.email)[0]!;
    expect(mail.link?.slug).toBe(survey.slug);
    expect(mail.headers.get('list-unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/u\/[0-9a-f]{24}\.[A-Za-z0-9_-]+>$/);
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.text).toContain('/u/');
    const tokens = new Set(mailbox.received.map((m) => m.link?.token));
    expect(tokens.size).toBe(12);

    // Every contact just surveyed is quarantined for the next distribution, across distributions.
    const second = await api.create({ ...base(), audience: { segment: 'regular' }, schedule: { type: 'once' } });
    const counts = (await waitUntil(() => api.get(second), (d) => d.counts.recipients === 14 && d.counts.queued === 0)).counts;
    expect(counts).toMatchObject({ sent: 0, queued: 0, skipped: { quarantine: 13, unsubscribed: 1 } });
    await waitUntil(() => api.get(second), (d) => d.status === 'completed');
    expect(mailbox.received).toHaveLength(12);
  });

  it('lets only one of two concurrent distributions take a contact', async () => {
    const contacts = await seedContacts('race', 40, { segment: 'race' });
    const [a, b] = await Promise.all([0, 1].map(() => api.create({ ...base(), audience: { segment: 'race' }, schedule: { type: 'once' } })));
    const [da, db] = await Promise.all([a!, b!].map((id) => waitUntil(() => api.get(id), (d) => d.counts.recipients === 40 && d.counts.queued === 0)));
    expect(da!.counts.sent + db!.counts.sent).toBe(40);
    expect(da!.counts.skipped.quarantine + db!.counts.skipped.quarantine).toBe(40);
    // The list counts every row in one grouped query; each row still gets its own distribution's counts.
    const listed = new Map((await api.list()).map((row) => [row.id, row.counts]));
    expect(listed.get(a!)).toEqual(da!.counts);
    expect(listed.get(b!)).toEqual(db!.counts);
    await sleep(300);
    for (const contact of contacts) expect(mailsTo(contact.email)).toHaveLength(1);
  });

  it('defers sends outside the send window and reports them; cancel skips them and nothing is sent', async () => {
    const contacts = await seedContacts('window', 5, { segment: 'window' });
    const id = await api.create({ ...base(), audience: { segment: 'window' }, schedule: { type: 'once' }, sendWindow: closedWindow() });
    const deferred = await waitUntil(() => api.get(id), (d) => d.counts.recipients === 5);
    expect(deferred.counts).toMatchObject({ queued: 5, sent: 0, deferred: { sendWindow: 5 } });
    const rows = await RecipientModel.find({ distributionId: id }).lean();
    for (const row of rows) expect(row.notBefore!.getTime()).toBeGreaterThan(Date.now() + 3_600_000);

    const cancelled = await api.act(id, 'cancel');
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.counts).toMatchObject({ queued: 0, skipped: { cancelled: 5 } });
    expect((await tp.request(`/api/distributions/${id}/resume`, { cookie: admin, method: 'POST' })).status).toBe(409);
    for (const contact of contacts) expect(mailsTo(contact.email)).toHaveLength(0);
  });

  it('reminds only those who did not answer, and stops at max', async () => {
    const contacts = await seedContacts('remind', 3, { segment: 'remind' });
    const afterDays = 2_500 / 86_400_000; // 2.5 s
    const id = await api.create({ ...base(), audience: { segment: 'remind' }, schedule: { type: 'once' }, reminders: { afterDays, max: 2 } });
    await waitUntil(async () => contacts.every((c) => mailsTo(c.email).length === 1), Boolean);
    const [answering, ...silent] = contacts;
    const invitation = mailsTo(answering!.email)[0]!;
    const body = validSubmission(survey.version, { token: invitation.link!.token });
    const answered = await tp.request(`/api/public/surveys/${invitation.link!.slug}/responses`, { body, csrf: false });
    expect(answered.status).toBe(201);

    await waitUntil(async () => silent.every((c) => mailsTo(c.email).length === 3), Boolean, 20_000);
    await sleep(3_500); // longer than afterDays plus a sweep: a third reminder would have come
    for (const contact of silent) {
      const mails = mailsTo(contact.email);
      expect(mails).toHaveLength(3);
      // The reminders carry the same single-use link as the invitation.
      expect(new Set(mails.map((m) => m.link?.token)).size).toBe(1);
    }
    expect(mailsTo(answering!.email)).toHaveLength(1);
    const final = await waitUntil(() => api.get(id), (d) => d.status === 'completed');
    expect(final.counts).toMatchObject({ sent: 3, responded: 1, reminded: 4 });
    expect((await api.list()).find((row) => row.id === id)?.counts).toEqual(final.counts);
    const outbox = (await tp.request(`/api/distributions/${id}/outbox?limit=100`, { cookie: admin })).body as OutboxPage;
    expect(outbox.entries.filter((e) => e.kind === 'reminder' && e.status === 'sent')).toHaveLength(4);
  });

  it('records a permanent 5xx rejection as failed without retrying it; the outbox lists every send with its status', async () => {
    const [ok] = await seedContacts('bounce-ok', 1, { segment: 'bounce' });
    const bounce = await ContactModel.create({ email: BOUNCE, segment: 'bounce', locale: 'en' });
    const id = await api.create({ ...base(), audience: { segment: 'bounce' }, schedule: { type: 'once' } });
    const done = await waitUntil(() => api.get(id), (d) => d.counts.sent + d.counts.failed === 2);
    expect(done.counts).toMatchObject({ sent: 1, failed: 1 });
    await sleep(2_500); // the first retry would come after 2 s
    expect(mailbox.attempts.get(BOUNCE)).toBe(1);
    expect(mailsTo(ok!.email)).toHaveLength(1);

    const first = await tp.request(`/api/distributions/${id}/outbox?limit=1`, { cookie: admin });
    expect(first.status).toBe(200);
    const page1 = first.body as OutboxPage;
    expect(page1.entries).toHaveLength(1);
    expect(page1.next).not.toBeNull();
    const page2 = (await tp.request(`/api/distributions/${id}/outbox?limit=1&cursor=${page1.next}`, { cookie: admin })).body as OutboxPage;
    expect(page2.next).toBeNull();
    const entries = [...page1.entries, ...page2.entries];
    expect(entries.find((e) => e.to === BOUNCE)).toMatchObject({
      kind: 'invitation',
      status: 'failed',
      attempts: 1,
      distributionId: id,
      occurrence: 'once',
      error: { responseCode: 550 },
    });
    expect(entries.find((e) => e.to === ok!.email)).toMatchObject({ status: 'sent', sentAt: expect.any(String), subject: expect.any(String) });
    const row = await RecipientModel.findOne({ distributionId: id, contactId: bounce._id }).lean();
    expect(row).toMatchObject({ status: 'failed', error: expect.stringMatching(/550|mailbox unavailable/) });
    expect((await tp.request('/api/distributions/0123456789abcdef01234567/outbox', { cookie: admin })).status).toBe(404);
  });

  it('retries a batch after a transient SMTP error: the deferred email goes out on the retry, the others exactly once', async () => {
    const contacts = await seedContacts('busy', 3, { segment: 'busy' });
    expect(contacts[0]!.email).toBe(BUSY);
    const id = await api.create({ ...base(), audience: { segment: 'busy' }, schedule: { type: 'once' } });
    // The first attempt sends two and records 451 for the third; the retry (after 2 s) sends only that one.
    const done = await waitUntil(() => api.get(id), (d) => d.counts.sent === 3, 15_000);
    expect(done.counts).toMatchObject({ recipients: 3, sent: 3, failed: 0, queued: 0 });
    await sleep(500);
    for (const contact of contacts) expect(mailsTo(contact.email), contact.email).toHaveLength(1);
    expect(contacts.map((c) => mailbox.attempts.get(c.email))).toEqual([2, 1, 1]);
    const outbox = (await tp.request(`/api/distributions/${id}/outbox?limit=10`, { cookie: admin })).body as OutboxPage;
    expect(outbox.entries.map((e) => [e.to, e.status, e.attempts]).sort()).toEqual([
      [BUSY, 'sent', 2],
      [contacts[1]!.email, 'sent', 1],
      [contacts[2]!.email, 'sent', 1],
    ]);
  });

  it('pause keeps queued recipients queued and sends nothing; resume sends them', async () => {
    const contacts = await seedContacts('pause', 4, { segment: 'pause' });
    const at = new Date(Date.now() + 1_500).toISOString();
    const id = await api.create({ ...base(), audience: { segment: 'pause' }, schedule: { type: 'once', at } });
    const paused = await api.act(id, 'pause');
    expect(paused.status).toBe('paused');
    await sleep(2_500);
    expect((await api.get(id)).counts.recipients).toBe(0);
    for (const contact of contacts) expect(mailsTo(contact.email)).toHaveLength(0);
    expect((await tp.request(`/api/distributions/${id}/pause`, { cookie: admin, method: 'POST' })).status).toBe(409);

    expect((await api.act(id, 'resume')).status).toBe('active');
    await waitUntil(async () => contacts.every((c) => mailsTo(c.email).length === 1), Boolean);
    expect((await waitUntil(() => api.get(id), (d) => d.counts.sent === 4)).counts.sent).toBe(4);
  });
});
