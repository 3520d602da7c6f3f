import { z } from 'zod';
import { objectIdSchema } from '@shared/http/object-id.schema';
import { defineJob } from '../app-context';
import { runOccurrence } from './occurrence.service';

export const occurrencePayloadSchema = z
  .object({
    distributionId: objectIdSchema,
    /** Given for one-time distributions (`once`); a scheduler's firing is named from its scheduled time. */
    occurrence: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
  })
  .strict();

/**
 * One firing of a distribution: a delayed job for a one-time distribution, a BullMQ job scheduler
 * (`dist-<id>`, kept in Redis) for a recurring one. The scheduler's job carries the time it was
 * scheduled for (`opts.prevMillis`), which names the occurrence, so a retry of a firing is the same one.
 */
export const occurrenceJob = defineJob({
  queue: 'distribution-occurrence',
  payload: occurrencePayloadSchema,
  concurrency: 2,
  handle: (payload, ctx) => {
    const scheduledAt = new Date(ctx.job.opts.prevMillis ?? ctx.job.timestamp + (ctx.job.opts.delay ?? 0));
    return runOccurrence(ctx, payload.distributionId, scheduledAt, payload.occurrence);
  },
});

export function schedulerIdOf(distributionId: string): string {
  return `dist-${distributionId}`;
}

export function onceJobIdOf(distributionId: string, generation: number): string {
  return `occ-${distributionId}-once-g${generation}`;
}
