import { z } from 'zod';
import { defineJob } from '../app-context';
import { sweepActions } from './action-sweep.service';

/** Runs the due checks and sends the due reminders and verdicts of improvement actions (ACTION_SWEEP_MS). */
export const actionSweepJob = defineJob({
  queue: 'action-sweep',
  payload: z.object({}).strict(),
  concurrency: 1,
  defaults: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: { age: 3600, count: 100 } },
  schedule: (ctx) => ({ repeat: { every: ctx.config.ACTION_SWEEP_MS }, payload: {} }),
  handle: (_payload, ctx) => sweepActions(ctx),
});
