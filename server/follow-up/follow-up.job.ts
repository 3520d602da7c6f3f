import { z } from 'zod';
import { objectIdSchema } from '@shared/http/object-id.schema';
import { defineJob, type AppContext } from '../app-context';
import { releaseFinishedJobId } from '../lib/queue';
import { overdueFollowUps } from '../responses/response-follow-up.service';
import { sendFollowUpAlerts } from './follow-up.service';

/** Sends one matched response's acknowledgement and owner alerts, then marks it `open`. Safe to run twice. */
export const followUpJob = defineJob({
  queue: 'follow-up',
  payload: z.object({ responseId: objectIdSchema }).strict(),
  handle: ({ responseId }, ctx) => sendFollowUpAlerts(ctx, responseId),
});

export const followUpJobId = (responseId: string) => `follow-up-${responseId}`;

/** Enqueues a response's follow-up job; its id keeps one job per response however often it is asked for. */
export async function enqueueFollowUp(ctx: AppContext, responseId: string): Promise<void> {
  await ctx.queues.enqueue(followUpJob, { responseId }, { jobId: followUpJobId(responseId) });
}

/**
 * Re-enqueues follow-ups still `pending` a sweep interval after they matched: their enqueue was lost
 * (Redis down while the response was stored) or their job ran out of attempts (SMTP down for long).
 * A job still waiting or running is left alone.
 */
export async function sweepPendingFollowUps(ctx: AppContext, olderThanMs: number): Promise<{ requeued: number }> {
  const queue = ctx.queues.queue(followUpJob);
  let requeued = 0;
  for (const id of await overdueFollowUps(olderThanMs, 500)) {
    const responseId = id.toString();
    if (!(await releaseFinishedJobId(queue, followUpJobId(responseId)))) continue;
    await enqueueFollowUp(ctx, responseId);
    requeued++;
  }
  return { requeued };
}

export const followUpSweepJob = defineJob({
  queue: 'follow-up-sweep',
  payload: z.object({}).strict(),
  concurrency: 1,
  defaults: { attempts: 1, removeOnComplete: { age: 3600, count: 100 } },
  schedule: (ctx) => ({ repeat: { every: ctx.config.FOLLOW_UP_SWEEP_MS }, payload: {} }),
  handle: (_payload, ctx) => sweepPendingFollowUps(ctx, ctx.config.FOLLOW_UP_SWEEP_MS),
});
