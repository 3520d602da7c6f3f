import mongoose from 'mongoose';
import { z } from 'zod';
import { defineJob } from '../app-context';
import { foldPendingBatch } from './fold.service';
import { FOLD_LEASE_MS, withFoldLock } from './fold-lock';

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
    // One session for the job's transactions, recorded with the lock so a successor can end it.
    const session = await mongoose.startSession();
    try {
      for (;;) {
        // Another fold ends within moments; a fold whose worker died holds the lock until its lease
        // ends. Waiting that long here beats failing into BullMQ's backoff (2, 4, 8... s).
        const n = await withFoldLock(redis, config.QUEUE_PREFIX, () => foldPendingBatch(BATCH_SIZE, session), FOLD_LEASE_MS + 1_000, session);
        read += n;
        if (n === 0) return { read };
      }
    } finally {
      await session.endSession();
    }
  },
});
