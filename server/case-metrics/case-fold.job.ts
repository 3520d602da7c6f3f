import { z } from 'zod';
import { defineJob, type AppContext } from '../app-context';
import type { JobQueueSpec } from '../lib/queue';
import { FOLD_LEASE_MS, withFoldLock } from '../scores/fold-lock';
import { refoldCase, refoldCases, refoldDecidingCases } from './case-fold.service';

// The case rollups' own lock (the fold lock's lease machinery under another prefix), so case folds and a
// case rebuild never interleave while response folds keep their own pace.
const lockPrefix = (ctx: Pick<AppContext, 'config'>) => `${ctx.config.QUEUE_PREFIX}:case-metrics`;

/** Runs `work` holding the case-rollup lock, waiting for a fold in progress as the response fold does. */
export const withCaseFoldLock = <T>(ctx: Pick<AppContext, 'config' | 'redis'>, work: () => Promise<T>, waitMs = FOLD_LEASE_MS + 1_000): Promise<T> =>
  withFoldLock(ctx.redis, lockPrefix(ctx), work, waitMs);

/** Cases one fold job takes along from the waiting queue: its own and up to this many more. */
const FOLD_BATCH = 100;

const foldPayload = z.object({ number: z.number().int().min(1) }).strict();
/** The queue, named apart from the job so the handler can read its own waiting jobs. */
const FOLD_QUEUE = { queue: 'case-metrics-fold', payload: foldPayload, defaults: { removeOnComplete: { age: 24 * 3600, count: 10_000 } } } satisfies JobQueueSpec;

/**
 * Refolds one case into the case rollups (after any of its events, and when its FCR decides), and with
 * it the cases of other fold jobs still waiting: one lock, two reads and one transaction for all of them
 * (refoldCases). Those jobs are then removed; one a worker took meanwhile runs and finds nothing to do.
 * A pending FCR schedules the same job for the instant it decides; the sweep catches one whose job was lost.
 */
export const caseFoldJob = defineJob({
  ...FOLD_QUEUE,
  handle: async ({ number }, ctx) => {
    const waiting = (await ctx.queues.queue(FOLD_QUEUE).getWaiting(0, FOLD_BATCH - 1)).filter((job) => job?.name === FOLD_QUEUE.queue);
    const along = waiting.flatMap((job) => {
      const parsed = foldPayload.safeParse(job.data);
      return parsed.success && parsed.data.number !== number ? [{ job, number: parsed.data.number }] : [];
    });
    const numbers = [...new Set([number, ...along.map((a) => a.number)])];
    const results = await withCaseFoldLock(ctx, () => refoldCases(numbers, new Date()));
    for (const [folded, result] of results) if (result.fcrDecidesAt) await scheduleFcrDecision(ctx, folded, result.fcrDecidesAt);
    await Promise.all(along.map(({ job }) => job.remove().catch(() => undefined)));
    return { ...results.get(number), batch: numbers.length };
  },
});

async function scheduleFcrDecision(ctx: AppContext, number: number, at: Date): Promise<void> {
  await ctx.queues.enqueue(caseFoldJob, { number }, { jobId: `case-fcr-${number}-${at.getTime()}`, delay: Math.max(0, at.getTime() - Date.now()) });
}

const SWEEP_EVERY_MS = 10 * 60_000;

/** Refolds cases whose FCR decided by now and whose delayed fold was lost (Redis down, job failed). */
export const caseFoldSweepJob = defineJob({
  queue: 'case-metrics-sweep',
  payload: z.object({}).strict(),
  concurrency: 1,
  defaults: { attempts: 1, removeOnComplete: { age: 3600, count: 100 } },
  schedule: () => ({ repeat: { every: SWEEP_EVERY_MS }, payload: {} }),
  handle: async (_payload, ctx) => ({ refolded: await withCaseFoldLock(ctx, () => refoldDecidingCases(new Date())) }),
});

/**
 * Asks for case `number` to be refolded after its timeline entry `index` (the job id names both, so a
 * consumer run again for the same entry enqueues nothing). If Redis is unreachable the case is refolded
 * here and now rather than lost; the case change itself never fails for its metrics.
 */
export async function requestCaseFold(ctx: AppContext, number: number, index: number): Promise<void> {
  try {
    await ctx.queues.enqueue(caseFoldJob, { number }, { jobId: `case-fold-${number}-${index}` });
  } catch (err) {
    ctx.logger.warn({ err, number }, 'could not enqueue the case fold; folding it in the request');
    await withCaseFoldLock(ctx, () => refoldCase(number, new Date())).catch((error: unknown) => ctx.logger.error({ err: error, number }, 'case fold failed; `npm run cases:rebuild-metrics` repairs the rollups'));
  }
}
