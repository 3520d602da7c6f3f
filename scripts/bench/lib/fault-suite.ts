// The fault suite behind `npm run bench:faults` and its short run in the test suite: the platform in
// its production shape (store, redis-server, an API process and a worker process, each its own
// process) under steady ingest and a running distribution, while each process in turn is killed with
// SIGKILL and started again. It counts what a customer and a mailbox would notice.
import { randomUUID } from 'node:crypto';
import { ContactModel } from '../../../server/contacts/contact.model';
import { ResponseModel } from '../../../server/responses/response.model';
import { rebuildRollups, rollupSnapshot } from '../../../server/scores/rebuild.service';
import { PLATFORM_PROCESSES, QUEUE_PREFIX, publishBenchSurvey, sleep, startProcessPlatform, type PlatformProcess } from './process-platform';

const CONTACT_PREFIX = 'fault-';

export type FaultTarget = PlatformProcess;
export const FAULT_TARGETS = PLATFORM_PROCESSES;

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

/** Runs the suite; everything it starts is stopped before it returns. */
export async function runFaultSuite(options: FaultSuiteOptions): Promise<FaultReport> {
  const log = options.log ?? (() => undefined);
  const platform = await startProcessPlatform({
    MAIL_RATE_MAX: String(options.mailPerSecond),
    MAIL_RATE_DURATION_MS: '1000',
    MAIL_BATCH_SIZE: String(Math.min(50, options.mailPerSecond)),
    // A killed worker's jobs come back within seconds; its send-log entries after their lease. Not
    // shorter: on a loaded machine a live worker that misses renewing a 3 s lock, or a batch slower
    // than a 5 s lease, has its work run twice (a run at load 5-9 sent one batch twice that way).
    JOB_LOCK_MS: '10000',
    JOB_STALLED_CHECK_MS: '5000',
    SEND_LEASE_MS: '20000',
  });
  try {
    const { processes: killables, sink, redis, staff } = platform;
    const survey = await publishBenchSurvey(platform);
    await ContactModel.insertMany(
      Array.from({ length: options.recipients }, (_, i) => ({ email: `${CONTACT_PREFIX}${i}@faults.test`, name: `Customer ${i}`, segment: 'faults', locale: 'en' })),
      { lean: true },
    );

    // Ingest: each client submits one response after another; a failed submit is sent again with the
    // same submission id (as the respondent page does) until it is acknowledged.
    /** Submission id → when its acknowledged attempt was sent and when the acknowledgement came. */
    const acknowledged = new Map<string, { sentAt: number; ackedAt: number }>();
    const refused: Record<string, number> = {};
    let retries = 0;
    const started = Date.now();
    const ingestEnd = started + options.ingestMs;
    const giveUpAt = ingestEnd + 60_000;
    const submitUntilAcknowledged = async (n: number) => {
      const submissionId = randomUUID();
      const body = survey.body(n, submissionId);
      while (Date.now() < giveUpAt) {
        const sentAt = Date.now();
        try {
          const reply = await fetch(survey.submitUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) });
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
      if (process.env.BENCH_DEBUG) console.error(`twice: ${times.map((t) => ((t - started) / 1000).toFixed(2)).join(', ')}`);
    }

    return {
      rows,
      skipped: platform.notOwned,
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
    await platform.stop();
  }
}
