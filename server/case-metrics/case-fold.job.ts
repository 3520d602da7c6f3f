import { z } from 'zod';
import { defineJob, type AppContext } from '../app-context';
import { FOLD_LEASE_MS, withFoldLock } from '../scores/fold-lock';
import { refoldCase, refoldDecidingCases } from './case-fold.service';

// The case rollups' own lock (the fold lock's lease machinery under another prefix), so case folds and a
// case rebuild never interleave while response folds keep their own pace.
const lockPrefix = (ctx: Pick<AppContext, 'config'>) => `${ctx.config.QUEUE_PREFIX}:case-metrics`;

/** Runs `work` holding the case-rollup lock, waiting for a fold in progress as the response fold does. */
export const withCaseFoldLock = <T>(ctx: Pick<AppContext, 'config' | 'redis'>, work: () => Promise<T>, waitMs = FOLD_LEASE_MS + 1_000): Promise<T> =>
  withFoldLock(ctx.redis, lockPrefix(ctx), work, waitMs);

/**
 * Refolds one case into the case rollups (after any of its events, and when its FCR decides). A
 * pending FCR schedules the same job for the instant it decides; the sweep catches one whose job was lost.
 */
export const caseFoldJob = defineJob({
  queue: 'case-metrics-fold',
  payload: z.object({ number: z.number().int().min(1) }).strict(),
  defaults: { removeOnComplete: { age: 24 * 3600, count: 10_000 } },
  handle: async ({ number }, ctx) => {
    const result = await withCaseFoldLock(ctx, () => refoldCase(number, new Date()));
    if (result.fcrDecidesAt) await scheduleFcrDecision(ctx, number, result.fcrDecidesAt);
    return result;
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
