import { z } from 'zod';
import { defineJob } from '../app-context';
import { sweepReminders } from './reminder.service';

/** Every REMINDER_SWEEP_MS: reminders for non-responders, completion of finished one-time distributions. */
export const reminderSweepJob = defineJob({
  queue: 'distribution-reminders',
  payload: z.object({}).strict(),
  concurrency: 1,
  defaults: { removeOnComplete: { age: 3600, count: 100 }, attempts: 1 },
  schedule: (ctx) => ({ repeat: { every: ctx.config.REMINDER_SWEEP_MS }, payload: {} }),
  handle: (_payload, ctx) => sweepReminders(ctx),
});
