import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxPage } from '@shared/distributions/distribution.schema';
import { loadConfig } from '../../server/config';
import { occurrenceJob } from '../../server/distributions/occurrence.job';
import { runOccurrence } from '../../server/distributions/occurrence.service';
import { SendLogModel } from '../../server/mail/send-log.model';
import { startPlatform, type Platform } from '../../server/platform';
import { httpClient, newTestId, testPlatformEnv, type TestPlatform } from '../harness/platform';
import { spawnEntry, type EntryProcess } from '../harness/spawn-entry';
import { distributionsApi, seedContacts, sleep, startRejectingMailbox, type RejectingMailbox } from './distributions-fixtures';
import { waitUntil } from './follow-up-fixtures';
import { publishSurvey } from './responses-fixtures';

// The API runs in this process without workers; the workers are real `server/worker.ts` processes,
// so a test can stop one, kill one with SIGKILL and start another, as on a production host.
let platform: Platform;
let mailbox: RejectingMailbox;
let dataDir: string;
let env: Record<string, string>;
let request: TestPlatform['request'];
let admin: string;
let api: ReturnType<typeof distributionsApi>;
let survey: { id: string };
const workers = new Set<EntryProcess>();

async function startWorker(extra: Record<string, string> = {}): Promise<EntryProcess> {
  const worker = spawnEntry('server/worker.ts', { ...env, PUBLIC_URL: platform.url!, ...extra });
  workers.add(worker);
  void worker.exited.then(() => workers.delete(worker));
  await worker.waitForLine(/^workers running$/);
  return worker;
}

async function stopWorker(worker: EntryProcess, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  worker.child.kill(signal);
  return worker.exited;
}

beforeAll(async () => {
  const id = newTestId();
  mailbox = await startRejectingMailbox();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `touchpoint-${id}-`));
  // The worker processes log warnings (to stderr, shown when a test fails); the API here stays silent.
  env = { ...testPlatformEnv(id, dataDir, mailbox.url), LOG_LEVEL: 'warn', REMINDER_SWEEP_MS: '1000' };
  platform = await startPlatform(loadConfig({ ...env, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' }), { api: true, workers: false });
  const client = httpClient(platform.url!);
  request = client.request;
  admin = await client.login();
  api = distributionsApi(request, admin);
  survey = await publishSurvey({ request } as unknown as TestPlatform, admin);
  expect((await request('/api/touchpoints', { cookie: admin, body: { key: 'after-sales', name: 'After-sales' } })).status).toBe(201);
});
afterAll(async () => {
  await Promise.all([...workers].map((worker) => stopWorker(worker, 'SIGKILL')));
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await platform?.stop();
  await mailbox?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

const base = () => ({ survey: survey.id, touchpoint: 'after-sales', reminders: { afterDays: 1, max: 0 } });
const mailsTo = (email: string) => mailbox.byRecipient().get(email) ?? [];

async function schedulerIds(): Promise<string[]> {
  const schedulers = await platform.context.queues.queue(occurrenceJob).getJobSchedulers();
  return schedulers.map((scheduler) => scheduler.key);
}

describe('distributions with worker processes', () => {
  it('a recurring schedule fires on its own, survives a worker restart, stops on pause and cancel', async () => {
    const [contact] = await seedContacts('tick', 1, { segment: 'tick' });
    const id = await api.create({ ...base(), quarantineDays: 0, audience: { segment: 'tick' }, schedule: { type: 'recurring', cron: '*/2 * * * * *' } });
    expect(await schedulerIds()).toContain(`dist-${id}`);

    const first = await startWorker();
    await waitUntil(async () => mailsTo(contact!.email).length, (n) => n >= 2, 20_000);
    expect(await stopWorker(first, 'SIGTERM')).toEqual({ code: 0, signal: null });
    const beforeRestart = mailsTo(contact!.email).length;
    await sleep(3_000);
    expect(mailsTo(contact!.email)).toHaveLength(beforeRestart); // nothing fires without a worker

    await startWorker();
    await waitUntil(async () => mailsTo(contact!.email).length, (n) => n >= beforeRestart + 2, 20_000);
    const running = await api.get(id);
    expect(running.occurrences.length).toBeGreaterThanOrEqual(4);
    expect(running.occurrences.every((occurrence) => /^\d{8}T\d{6}Z$/.test(occurrence))).toBe(true);
    // Each firing is its own occurrence, with its own send-log key: one email per occurrence.
    const outbox = (await request(`/api/distributions/${id}/outbox?limit=500`, { cookie: admin })).body as OutboxPage;
    expect(new Set(outbox.entries.map((entry) => entry.occurrence)).size).toBe(outbox.entries.length);

    await api.act(id, 'pause');
    expect(await schedulerIds()).not.toContain(`dist-${id}`);
    await sleep(1_000); // a firing already running finishes
    const paused = mailsTo(contact!.email).length;
    await sleep(3_000);
    expect(mailsTo(contact!.email)).toHaveLength(paused);

    await api.act(id, 'resume');
    expect(await schedulerIds()).toContain(`dist-${id}`);
    await waitUntil(async () => mailsTo(contact!.email).length, (n) => n >= paused + 1, 20_000);

    const cancelled = await api.act(id, 'cancel');
    expect(cancelled.status).toBe('cancelled');
    expect(await schedulerIds()).not.toContain(`dist-${id}`);
    await sleep(1_000);
    const atCancel = mailsTo(contact!.email).length;
    await sleep(3_000);
    expect(mailsTo(contact!.email)).toHaveLength(atCancel);
  }, 120_000);

  it('keeps to the provider quota (MAIL_RATE_MAX per window), also for sends queued in larger batches elsewhere', async () => {
    for (const worker of [...workers]) await stopWorker(worker, 'SIGTERM');
    const contacts = await seedContacts('quota', 6, { segment: 'quota' });
    // Its own firing is a day away; the occurrence runs here, in a process queuing batches of 50 (as an
    // API process resuming a distribution does), for a worker allowed two emails a second.
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const id = await api.create({ ...base(), quarantineDays: 0, audience: { segment: 'quota' }, schedule: { type: 'once', at } });
    expect((await runOccurrence(platform.context, id, new Date(), 'once')).queued).toBe(6);
    const worker = await startWorker({ MAIL_RATE_MAX: '2', MAIL_RATE_DURATION_MS: '1000' });
    await waitUntil(async () => contacts.filter((c) => mailsTo(c.email).length > 0).length, (n) => n === 6, 30_000);
    for (const contact of contacts) expect(mailsTo(contact.email), contact.email).toHaveLength(1);
    // Re-queued as three batches of two, one batch per second: the last two emails come two windows after the first two.
    const times = contacts.map((c) => mailsTo(c.email)[0]!.at).sort((a, b) => a - b);
    expect(times[5]! - times[0]!).toBeGreaterThanOrEqual(1_500);
    expect(times[1]! - times[0]!).toBeLessThan(900);
    await stopWorker(worker, 'SIGTERM');
  }, 60_000);

  // SMTP cannot say whether a message cut off mid-send was accepted, so the guarantee is exactly once
  // except for one accepted between SMTP's 250 and the send-log write, resent once its lease runs out.
  // Here the worker dies before the 250 (the server holds its reply), so every contact gets exactly one.
  it('a worker killed with SIGKILL while an email is in flight, then restarted, sends that email again after its lease and every contact exactly one', async () => {
    for (const worker of [...workers]) await stopWorker(worker, 'SIGTERM');
    const contacts = await seedContacts('crash', 60, { segment: 'crash' });
    const crashMails = () => mailbox.received.filter((m) => m.to[0]!.startsWith('crash-'));
    // A short lease, so the held email's send-log entry may be taken over soon after the crash.
    // Stalled jobs found within about 4 s (lock 2 s, checked every 2 s) rather than BullMQ's 60.
    const lease = { SEND_LEASE_MS: '3000', JOB_LOCK_MS: '2000', JOB_STALLED_CHECK_MS: '2000' };
    let arrived = 0;
    const held = mailbox.holdOne((to) => to.startsWith('crash-') && ++arrived === 20);
    // One send at a time: the held 20th message is the only one in flight when the worker dies.
    const doomed = await startWorker({ ...lease, MAIL_CONCURRENCY: '1' });
    const id = await api.create({ ...base(), quarantineDays: 30, audience: { segment: 'crash' }, schedule: { type: 'once' } });
    const heldTo = await held;
    expect(crashMails()).toHaveLength(19);
    const entryOf = async (to: string) => SendLogModel.findOne({ distributionId: id, to }, { status: 1, attempts: 1 }).lean();
    expect(await entryOf(heldTo)).toMatchObject({ status: 'sending', attempts: 1 });
    expect((await stopWorker(doomed, 'SIGKILL')).signal).toBe('SIGKILL');
    expect(mailsTo(heldTo)).toHaveLength(0);

    await startWorker(lease);
    // The held send's job comes back once BullMQ finds it stalled (its lock runs out within 2 s, the
    // check runs every 2 s); by then the 3 s lease is over and the email goes out again.
    await waitUntil(async () => contacts.filter((c) => mailsTo(c.email).length > 0).length, (n) => n === 60, 60_000);
    const done = await waitUntil(() => api.get(id), (d) => d.counts.sent === 60, 10_000);
    expect(done.counts).toMatchObject({ recipients: 60, sent: 60, queued: 0, failed: 0 });
    await sleep(2_000); // nothing more arrives
    for (const contact of contacts) expect(mailsTo(contact.email), contact.email).toHaveLength(1);
    expect(crashMails()).toHaveLength(60);
    expect(mailbox.attempts.get(heldTo)).toBe(2);
    const entries = await SendLogModel.find({ distributionId: id }, { to: 1, status: 1, attempts: 1 }).lean();
    expect(entries).toHaveLength(60);
    expect(entries.every((entry) => entry.status === 'sent')).toBe(true);
    expect(entries.filter((entry) => entry.attempts !== 1).map((entry) => [entry.to, entry.attempts])).toEqual([[heldTo, 2]]);
  }, 240_000);
});
