import { z } from 'zod';
import { defineJob } from '../lib/queue';
import { foldPendingBatch } from './fold.service';
import { withFoldLock } from './fold-lock';

const BATCH_SIZE = 500;
const SWEEP_EVERY_MS = 30_000;

/**
 * Folds pending responses into the rollups until none is left. Enqueued (coalesced) after responses
 * are stored, and run every 30 s as a sweep for responses whose enqueue was lost (Redis down, crash).
 */
export const foldJob = defineJob({
  queue: 'scores-fold',
  payload: z.object({}).strict(),
  concurrency: 1,
  defaults: { removeOnComplete: { age: 3600, count: 1000 } },
  schedule: () => ({ repeat: { every: SWEEP_EVERY_MS }, payload: {} }),
  handle: async (_payload, { redis, config }) => {
    let read = 0;
    for (;;) {
      const n = await withFoldLock(redis, config.QUEUE_PREFIX, () => foldPendingBatch(BATCH_SIZE));
      read += n;
      if (n === 0) return { read };
    }
  },
});
