import { z } from 'zod';
import { slugSchema } from '@shared/survey-definition/metric-vocabulary';
import { defineJob, type AppContext } from '../app-context';
import type { DigestWindow } from './digest-window';
import { sendOwnerDigest } from './follow-up-digest.service';

const epochMsSchema = z.number().int().min(0);

/** Sends one touchpoint's owner digest for one window, at the window's end. */
export const ownerDigestJob = defineJob({
  queue: 'follow-up-digest',
  payload: z.object({ touchpoint: slugSchema, windowStart: epochMsSchema, windowEnd: epochMsSchema }).strict(),
  handle: ({ touchpoint, windowStart, windowEnd }, ctx) => sendOwnerDigest(ctx, { touchpoint, windowStart: new Date(windowStart), windowEnd: new Date(windowEnd) }),
});

/** One job per touchpoint and window, whoever asks and however often (touchpoint keys are slugs: no ':'). */
export function ownerDigestJobId(touchpoint: string, windowStart: Date): string {
  return `follow-up-digest-${touchpoint}-${windowStart.getTime()}`;
}

/**
 * Makes sure the digest of `window` is coming: the first match of a window enqueues it, delayed to the
 * window's end; later ones find the job by its id and add nothing.
 */
export async function enqueueOwnerDigest(ctx: AppContext, touchpoint: string, window: DigestWindow, now: Date): Promise<void> {
  await ctx.queues.enqueue(
    ownerDigestJob,
    { touchpoint, windowStart: window.start.getTime(), windowEnd: window.end.getTime() },
    { jobId: ownerDigestJobId(touchpoint, window.start), delay: Math.max(0, window.end.getTime() - now.getTime()) },
  );
}
