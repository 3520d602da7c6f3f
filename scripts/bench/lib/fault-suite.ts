// The fault suite behind `npm run bench:faults` and its short run in the test suite: the platform in
// its production shape (store, redis-server, an API process and a worker process, each its own
// process) under steady ingest and a running distribution, while each process in turn is killed with
// SIGKILL and started again. It counts what a customer and a mailbox would notice.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { CSRF_HEADER } from '../../../shared/auth/auth.schema';
import { ContactModel } from '../../../server/contacts/contact.model';
import { spawnUntilReady, type RunningChild } from '../../../server/lib/embedded/child-process';
import { findFreePort } from '../../../server/lib/embedded/free-port';
import { startEmbeddedRedis } from '../../../server/lib/embedded/redis-server';
import { startEmbeddedStore } from '../../../server/lib/embedded/store-process';
import { ResponseModel } from '../../../server/responses/response.model';
import { rebuildRollups, rollupSnapshot } from '../../../server/scores/rebuild.service';
import { benchLogin } from './login';
import { startSmtpSink } from './smtp-sink-client';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const QUEUE_PREFIX = 'tpfault';
const ADMIN = { email: 'admin@faults.test', password: 'fault-suite-password-0123' };
const CONTACT_PREFIX = 'fault-';

export type FaultTarget = 'api' | 'store' | 'redis' | 'worker';
export const FAULT_TARGETS: readonly FaultTarget[] = ['api', 'store', 'redis', 'worker'];

export interface FaultSuiteOptions {
  /** How long clients keep submitting new responses. */
  ingestMs: number;
  /** Concurrent clients, each submitting one response after another and retrying as the page does. */
  clients: number;
  /** Recipients of the distribution that sends while the faults happen. */
  recipients: number;
  /** Emails a second across workers (MAIL_RATE_MAX), so the sending spans the faults. */
  mailPerSecond: number;
  log?: (line: string) => void;
}

export interface FaultRow {
  target: FaultTarget;
  /** Seconds after the start of ingest. */
  at: number;
  /** Responses acknowledged from this kill until the next. */
  acknowledged: number;
  /** Seconds from the kill until the platform did that part of its work again. */
  recoverySeconds: number | null;
  /** Recipients sent a second email whose first was accepted in the 2 s before this kill. */
  emailsTwice: number;
}

export interface FaultReport {
  rows: FaultRow[];
  /** Faults not run, with why (a service given by MONGODB_URI / REDIS_URL is not ours to kill). */
  skipped: string[];
  acknowledged: number;
  stored: number;
  lost: number;
  duplicated: number;
  /** Responses stored whose client gave up before an acknowledgement (not an error). */
  storedUnacknowledged: number;
  /** Client requests answered 4xx other than 429: the API refused a valid response. */
  refused: Record<string, number>;
  retries: number;
  rollupsEqualRebuild: boolean;
  rollupBuckets: number;
  /** `unexplained`: recipients sent twice whose first email came at no kill. */
  emails: { recipients: number; reached: number; messages: number; duplicated: number; unexplained: number };
  settleSeconds: number;
  ingestPerSecond: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function waitForExit(pid: number | undefined, timeoutMs = 10_000): Promise<void> {
  return (async () => {
    if (!pid) return;
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await sleep(25);
    }
    throw new Error(`process ${pid} still running ${timeoutMs} ms after SIGKILL`);
  })();
}

/** A process the suite can kill with SIGKILL and start again on the same address and data. */
interface Killable {
  start(): Promise<void>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

function entryProcess(entry: string, ready: RegExp, env: Record<string, string>): Killable {
  let running: RunningChild | undefined;
  return {
    async start() {
      ({ running } = await spawnUntilReady(process.execPath, ['--import', 'tsx', path.join(ROOT, entry)], {
        ready,
        timeoutMs: 120_000,
        missingHint: 'Node.js could not be started again.',
        spawn: { cwd: ROOT, env },
        ...(process.env.FAULTS_DEBUG ? { onLine: (line: string) => console.error(`[${entry}] ${line}`) } : {}),
      }));
    },
    async kill9() {
      running?.child.kill('SIGKILL');
      await waitForExit(running?.child.pid);
    },
    async stop() {
      await running?.stop(15_000);
    },
  };
}

/** Runs the suite; everything it starts is stopped before it returns. */
export async function runFaultSuite(options: FaultSuiteOptions): Promise<FaultReport> {
  const log = options.log ?? (() => undefined);
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-faults-'));
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const killables = new Map<FaultTarget, Killable>();
    const skipped: string[] = [];

    // Store: ours (embedded, a fixed port so a restart keeps the address) unless MONGODB_URI is given.
    let mongoBase = process.env.MONGODB_URI;
    if (mongoBase) {
      skipped.push('store: MONGODB_URI is set, the suite does not kill a database it does not own');
      const url = new URL(mongoBase);
      url.pathname = '';
      mongoBase = url.toString().replace(/\/$/, '');
    } else {
      const port = await findFreePort();
      const dbpath = path.join(scratch, 'db');
      let store = await startEmbeddedStore(dbpath, { port });
      mongoBase = `mongodb://127.0.0.1:${port}`;
      killables.set('store', {
        async start() {
          store = await startEmbeddedStore(dbpath, { port });
        },
        async kill9() {
          if (store.pid) process.kill(store.pid, 'SIGKILL');
          await waitForExit(store.pid);
        },
        stop: () => store.stop(),
      });
    }
    cleanups.push(() => killables.get('store')?.stop() ?? Promise.resolve());

    let redisUrl = process.env.REDIS_URL;
    if (redisUrl) {
      skipped.push('redis: REDIS_URL is set, the suite does not kill a Redis it does not own');
    } else {
      const port = await findFreePort();
      const dir = path.join(scratch, 'redis');
      let redis = await startEmbeddedRedis({ dir, port });
      redisUrl = redis.url;
      killables.set('redis', {
        async start() {
          redis = await startEmbeddedRedis({ dir, port });
        },
        async kill9() {
          if (redis.pid) process.kill(redis.pid, 'SIGKILL');
          await waitForExit(redis.pid);
        },
        stop: () => redis.stop(),
      });
    }
    cleanups.push(() => killables.get('redis')?.stop() ?? Promise.resolve());

    const sink = await startSmtpSink();
    cleanups.push(async () => sink.stop());
    const apiPort = await findFreePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      DATA_DIR: path.join(scratch, 'data'),
      MONGODB_URI: `${mongoBase}/touchpoint_faults_${randomUUID().slice(0, 8)}`,
      REDIS_URL: redisUrl,
      SMTP_URL: sink.url,
      PUBLIC_URL: apiUrl,
      SESSION_SECRET: 'fault-suite-session-secret-0123456789abcdef',
      QUEUE_PREFIX,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'fatal',
      // One machine's clients all come from 127.0.0.1: the per-address limit is not what is measured.
      RESPOND_RATE_PER_IP: '1000000',
      RESPOND_RATE_PER_SURVEY: '100000000',
      MAIL_RATE_MAX: String(options.mailPerSecond),
      MAIL_RATE_DURATION_MS: '1000',
      MAIL_BATCH_SIZE: String(Math.min(50, options.mailPerSecond)),
      // A killed worker's jobs come back within seconds; its send-log entries after their lease.
      JOB_LOCK_MS: '3000',
      JOB_STALLED_CHECK_MS: '2000',
      SEND_LEASE_MS: '5000',
    };
    const api = entryProcess('server/main.ts', /^listening http/, { ...env, WORKERS: 'false', PORT: String(apiPort), HOST: '127.0.0.1' });
    const worker = entryProcess('server/worker.ts', /^workers running$/, env);
    killables.set('api', api);
    killables.set('worker', worker);
    cleanups.push(() => api.stop(), () => worker.stop());
    await api.start();
    await worker.start();

    await mongoose.connect(env.MONGODB_URI!, { serverSelectionTimeoutMS: 60_000 });
    cleanups.push(() => mongoose.disconnect());
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    redis.on('error', () => undefined); // down while its server is killed; reconnects by itself
    cleanups.push(async () => redis.disconnect());

    // A survey, a touchpoint and the audience, through the API as staff would make them.
    const cookie = await benchLogin(apiUrl, ADMIN.email, ADMIN.password);
    const staff = async (pathname: string, body?: unknown) => {
      const reply = await fetch(apiUrl + pathname, {
        method: 'POST',
        headers: { cookie, [CSRF_HEADER]: '1', ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const json = (await reply.json()) as Record<string, unknown>;
      if (reply.status >= 300) throw new Error(`${pathname}: ${reply.status} ${JSON.stringify(json)}`);
      return json;
    };
    const definition = {
      pages: [{ name: 'visit', elements: [
        { type: 'rating', name: 'satisfaction', metric: 'csat', rateMin: 1, rateMax: 5, isRequired: true },
        { type: 'rating', name: 'recommend', metric: 'nps', rateMin: 0, rateMax: 10 },
      ] }],
    };
    const survey = await staff('/api/surveys', { title: 'Fault suite', definition });
    const { version } = (await staff(`/api/surveys/${String(survey.id)}/publish`)) as { version: number };
    await staff('/api/touchpoints', { key: 'branch', name: 'Branch' });
    await ContactModel.insertMany(
      Array.from({ length: options.recipients }, (_, i) => ({ email: `${CONTACT_PREFIX}${i}@faults.test`, name: `Customer ${i}`, segment: 'faults', locale: 'en' })),
      { lean: true },
    );

    // Ingest: each client submits one response after another; a failed submit is sent again with the
    // same submission id (as the respondent page does) until it is acknowledged.
    const submitUrl = `${apiUrl}/api/public/surveys/${String(survey.slug)}/responses`;
    /** Submission id → when its acknowledged attempt was sent and when the acknowledgement came. */
    const acknowledged = new Map<string, { sentAt: number; ackedAt: number }>();
    const refused: Record<string, number> = {};
    let retries = 0;
    const started = Date.now();
    const ingestEnd = started + options.ingestMs;
    const giveUpAt = ingestEnd + 60_000;
    const submitUntilAcknowledged = async (n: number) => {
      const submissionId = randomUUID();
      const body = JSON.stringify({ version, submissionId, elapsedMs: 30_000, touchpoint: 'branch', channel: 'online', answers: { satisfaction: 1 + (n % 5), recommend: n % 11 } });
      while (Date.now() < giveUpAt) {
        const sentAt = Date.now();
        try {
          const reply = await fetch(submitUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) });
          await reply.arrayBuffer();
          if (reply.status === 201 || reply.status === 200) {
            acknowledged.set(submissionId, { sentAt, ackedAt: Date.now() });
            return;
          }
          if (reply.status >= 400 && reply.status < 500 && reply.status !== 429) {
            refused[reply.status] = (refused[reply.status] ?? 0) + 1;
            return;
          }
        } catch {
          // connection refused or reset while a process is down: try again
        }
        retries++;
        await sleep(200);
      }
    };
    await staff('/api/distributions', {
      survey: survey.id, touchpoint: 'branch', audience: { segment: 'faults' }, schedule: { type: 'once' }, reminders: { afterDays: 1, max: 0 }, quarantineDays: 0,
    });
    let counter = 0;
    const clients = Array.from({ length: options.clients }, async () => {
      while (Date.now() < ingestEnd) await submitUntilAcknowledged(counter++);
    });

    const foldedCount = () => ResponseModel.countDocuments({ foldState: 'folded' }).catch(() => -1);
    const rows: FaultRow[] = [];
    let workerRecovery: Promise<void> = Promise.resolve();
    const targets = FAULT_TARGETS.filter((target) => killables.has(target));
    for (const [i, target] of targets.entries()) {
      await sleep(Math.max(0, started + ((i + 1) * options.ingestMs) / (targets.length + 1) - Date.now()));
      const killedAt = Date.now();
      log(`  +${((killedAt - started) / 1000).toFixed(1)} s kill -9 ${target}`);
      const killable = killables.get(target)!;
      await killable.kill9();
      await killable.start();
      const row: FaultRow = { target, at: (killedAt - started) / 1000, acknowledged: 0, recoverySeconds: null, emailsTwice: 0 };
      rows.push(row);
      if (target === 'worker') {
        // Recovered once the new worker folds again; watched beside the next faults, not before them.
        workerRecovery = (async () => {
          const before = await foldedCount();
          for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(100)) {
            if ((await foldedCount()) > before) {
              row.recoverySeconds = (Date.now() - killedAt) / 1000;
              return;
            }
          }
        })();
      }
    }
    await Promise.all(clients);
    const ingestSeconds = (Date.now() - started) / 1000;
    await workerRecovery;

    // Per fault: what was acknowledged until the next kill, and (API, store, Redis) how long until the
    // first response sent after the kill was acknowledged (one sent before may be answered from
    // memory or a buffer; it says nothing about recovery).
    const acks = [...acknowledged.values()];
    for (const [i, row] of rows.entries()) {
      const from = started + row.at * 1000;
      const to = rows[i + 1] ? started + rows[i + 1]!.at * 1000 : Infinity;
      row.acknowledged = acks.filter(({ ackedAt }) => ackedAt >= from && ackedAt < to).length;
      if (row.target !== 'worker') {
        const after = acks.filter(({ sentAt }) => sentAt > from).map(({ ackedAt }) => ackedAt);
        row.recoverySeconds = after.length ? (Math.min(...after) - from) / 1000 : null;
      }
    }

    // Settle: every response folded, every email out (or a deadline).
    const settleStarted = Date.now();
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(250)) {
      const pending = await ResponseModel.countDocuments({ foldState: 'pending' }).catch(() => -1);
      const stats = await sink.stats(CONTACT_PREFIX);
      if (pending === 0 && stats.recipients >= options.recipients) break;
    }
    const settleSeconds = (Date.now() - settleStarted) / 1000;
    await sleep(1_000); // a late duplicate email would arrive by now

    const ids = [...acknowledged.keys()];
    let stored = 0;
    for (let i = 0; i < ids.length; i += 5000) stored += await ResponseModel.countDocuments({ submissionId: { $in: ids.slice(i, i + 5000) } });
    const total = await ResponseModel.countDocuments({});
    const duplicates = await ResponseModel.aggregate<{ n: number }>([
      { $group: { _id: '$submissionId', n: { $sum: 1 } } },
      { $match: { n: { $gt: 1 } } },
      { $count: 'n' },
    ]);
    const incremental = await rollupSnapshot();
    await rebuildRollups(redis, QUEUE_PREFIX);
    const rebuilt = await rollupSnapshot();
    const rollupsEqualRebuild =
      incremental.size === rebuilt.size && [...incremental].every(([key, stats]) => JSON.stringify(stats) === JSON.stringify(rebuilt.get(key)));
    const mail = await sink.stats(CONTACT_PREFIX);
    let unexplained = 0;
    for (const { times } of mail.duplicates) {
      const first = Math.min(...times);
      const row = rows.find((r) => first <= started + r.at * 1000 && first > started + r.at * 1000 - 2_000);
      if (row) row.emailsTwice++;
      else unexplained++;
      if (process.env.FAULTS_DEBUG) console.error(`twice: ${times.map((t) => ((t - started) / 1000).toFixed(2)).join(', ')}`);
    }

    return {
      rows,
      skipped,
      acknowledged: acknowledged.size,
      stored,
      lost: acknowledged.size - stored,
      duplicated: duplicates[0]?.n ?? 0,
      storedUnacknowledged: total - stored,
      refused,
      retries,
      rollupsEqualRebuild,
      rollupBuckets: incremental.size,
      emails: { recipients: options.recipients, reached: mail.recipients, messages: mail.messages, duplicated: mail.duplicated, unexplained },
      settleSeconds,
      ingestPerSecond: acknowledged.size / ingestSeconds,
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
