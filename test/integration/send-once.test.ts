import { UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer } from '../../server/lib/mailer';
import { SendLogModel } from '../../server/mail/send-log.model';
import { SendInProgress, sendOnce, type SendOnceEntry } from '../../server/mail/send-once';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { startRejectingMailbox, type RejectingMailbox } from './distributions-fixtures';

let tp: TestPlatform;
let mailbox: RejectingMailbox;
let mailer: Mailer;
const BOUNCE = 'bounce@example.test';
let seq = 0;

beforeAll(async () => {
  mailbox = await startRejectingMailbox([BOUNCE]);
  tp = await startTestPlatform({ SMTP_URL: mailbox.url, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  mailer = tp.platform.context.mailer;
});
afterAll(async () => {
  await tp?.stop();
  await mailbox?.stop();
});

/** A fresh key and address per call, so the tests do not see each other's mail. */
function entry(to?: string): SendOnceEntry {
  seq++;
  return { key: `target-alert/send-once-test/${seq}`, kind: 'target-alert', to: to ?? `person-${seq}@example.test` };
}
const message = (subject = 'Hello') => () => ({ subject, text: 'Body' });
const mailsTo = (address: string) => mailbox.byRecipient().get(address) ?? [];
const stored = (key: string) => SendLogModel.findOne({ key }).lean();

describe('sendOnce against the send log and a real SMTP server', () => {
  it('sends a key once when two attempts run at the same moment; the other is told it is in progress', async () => {
    const e = entry();
    const [first, second] = await Promise.allSettled([sendOnce(mailer, e, message()), sendOnce(mailer, e, message())]);
    const outcomes = [first, second].map((r) => (r.status === 'fulfilled' ? r.value.status : r.reason instanceof SendInProgress ? 'in-progress' : String(r.reason)));
    expect(outcomes.sort()).toEqual(['in-progress', 'sent']);
    expect(mailsTo(e.to)).toHaveLength(1);
    expect(await stored(e.key)).toMatchObject({ status: 'sent', attempts: 1, leaseUntil: null, leaseHolder: null, subject: 'Hello', to: e.to, kind: 'target-alert' });
  });

  it('claims and records the sends of one moment together, each exactly once', async () => {
    const entries = Array.from({ length: 40 }, () => entry());
    const results = await Promise.all(entries.map((e, i) => sendOnce(mailer, e, message(`Batch ${i}`))));
    expect(results.every((r) => r.status === 'sent')).toBe(true);
    for (const e of entries) expect(mailsTo(e.to)).toHaveLength(1);
    const logs = await SendLogModel.find({ key: { $in: entries.map((e) => e.key) } }).lean();
    expect(logs).toHaveLength(40);
    expect(logs.every((log) => log.status === 'sent' && log.attempts === 1 && log.sentAt instanceof Date && log.createdAt instanceof Date)).toBe(true);
    expect(new Set(logs.map((log) => log.subject)).size).toBe(40);
  });

  it('with a linger (bulk sends), concurrent sends and a repeated key still resolve each exactly once', async () => {
    const entries = Array.from({ length: 30 }, () => entry());
    const twice = entries[0]!;
    const settled = await Promise.allSettled([...entries, twice].map((e, i) => sendOnce(mailer, e, message(`Linger ${i}`), { lingerMs: 20 })));
    const outcome = (r: PromiseSettledResult<{ status: string }>) => (r.status === 'fulfilled' ? r.value.status : r.reason instanceof SendInProgress ? 'in-progress' : 'error');
    expect(settled.slice(1, 30).every((r) => outcome(r) === 'sent')).toBe(true);
    expect([outcome(settled[0]!), outcome(settled[30]!)].sort()).toEqual(['in-progress', 'sent']);
    for (const e of entries) expect(mailsTo(e.to)).toHaveLength(1);
    const logs = await SendLogModel.find({ key: { $in: entries.map((e) => e.key) } }).lean();
    expect(logs.every((log) => log.status === 'sent' && log.attempts === 1 && log.leaseHolder === null)).toBe(true);
    expect(await sendOnce(mailer, twice, message(), { lingerMs: 20 })).toEqual({ status: 'already-sent' });
  });

  it('never sends a key again once it is sent, and does not even build the message', async () => {
    const e = entry();
    expect((await sendOnce(mailer, e, message())).status).toBe('sent');
    let built = 0;
    const again = await sendOnce(mailer, e, () => (built++, message()()));
    expect(again).toEqual({ status: 'already-sent' });
    expect(built).toBe(0);
    expect(mailsTo(e.to)).toHaveLength(1);
    expect((await stored(e.key))?.attempts).toBe(1);
  });

  it('records a permanent 5xx rejection as failed, throws UnrecoverableError, and never tries that key again', async () => {
    const e = entry(BOUNCE);
    await expect(sendOnce(mailer, e, message())).rejects.toBeInstanceOf(UnrecoverableError);
    expect(await stored(e.key)).toMatchObject({ status: 'failed', attempts: 1, leaseUntil: null, error: { responseCode: 550 } });
    const tried = mailbox.attempts.get(BOUNCE);
    expect(await sendOnce(mailer, e, message())).toEqual({ status: 'failed-before' });
    expect(mailbox.attempts.get(BOUNCE)).toBe(tried);
    expect((await stored(e.key))?.attempts).toBe(1);
  });

  it('leaves an entry leased by a live attempt alone, and takes over one whose lease ran out (a crashed attempt)', async () => {
    const live = entry();
    const leaseUntil = new Date(Date.now() + 60_000);
    await SendLogModel.create({ ...live, status: 'sending', attempts: 1, leaseUntil, leaseHolder: 'a-live-attempt' });
    const held = await sendOnce(mailer, live, message()).catch((error: unknown) => error);
    expect(held).toBeInstanceOf(SendInProgress);
    expect((held as SendInProgress).leaseUntil?.getTime()).toBe(leaseUntil.getTime());
    expect(mailsTo(live.to)).toHaveLength(0);
    expect(await stored(live.key)).toMatchObject({ status: 'sending', attempts: 1, leaseHolder: 'a-live-attempt' });

    const crashed = entry();
    await SendLogModel.create({ ...crashed, status: 'sending', attempts: 1, leaseUntil: new Date(Date.now() - 1000), leaseHolder: 'a-dead-attempt' });
    expect((await sendOnce(mailer, crashed, message())).status).toBe('sent');
    expect(mailsTo(crashed.to)).toHaveLength(1);
    expect(await stored(crashed.key)).toMatchObject({ status: 'sent', attempts: 2, leaseUntil: null, leaseHolder: null });
  });

  it('sorts one batch of mixed entries: fresh ones sent, sent ones skipped, failed ones left, leased ones in progress', async () => {
    const fresh = entry();
    const sent = entry();
    const failed = entry(BOUNCE);
    const leased = entry();
    const expired = entry();
    await sendOnce(mailer, sent, message());
    await sendOnce(mailer, failed, message()).catch(() => undefined);
    await SendLogModel.create({ ...leased, status: 'sending', attempts: 1, leaseUntil: new Date(Date.now() + 60_000), leaseHolder: 'other' });
    await SendLogModel.create({ ...expired, status: 'retrying', attempts: 1, leaseUntil: null, leaseHolder: null });
    const bounces = mailbox.attempts.get(BOUNCE);

    const settled = await Promise.allSettled([fresh, sent, failed, leased, expired].map((e) => sendOnce(mailer, e, message())));
    const outcome = (r: PromiseSettledResult<{ status: string }>) => (r.status === 'fulfilled' ? r.value.status : r.reason instanceof SendInProgress ? 'in-progress' : 'error');
    expect(settled.map(outcome)).toEqual(['sent', 'already-sent', 'failed-before', 'in-progress', 'sent']);
    expect(mailsTo(fresh.to)).toHaveLength(1);
    expect(mailsTo(sent.to)).toHaveLength(1);
    expect(mailsTo(leased.to)).toHaveLength(0);
    expect(mailsTo(expired.to)).toHaveLength(1);
    expect(mailbox.attempts.get(BOUNCE)).toBe(bounces);
    expect(await stored(expired.key)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
