import type { Types } from 'mongoose';
import { z } from 'zod';
import type { AppContext } from '../app-context';
import { defineJob } from '../lib/queue';
import type { DistributionRecord } from './distribution.model';
import { sendToRecipient } from './send.service';

const objectId = z.string().regex(/^[a-f0-9]{24}$/);

export const sendPayloadSchema = z
  .object({
    recipientId: objectId,
    contactId: objectId,
    distributionId: objectId,
    kind: z.enum(['invitation', 'reminder']),
    /** Which reminder (1..max); only for reminders. */
    reminder: z.number().int().min(1).max(10).optional(),
  })
  .strict();
export type SendPayload = z.infer<typeof sendPayloadSchema>;

/**
 * One email to one recipient. The worker's limiter is the provider's quota (MAIL_RATE_MAX per
 * MAIL_RATE_DURATION_MS, enforced by BullMQ across every worker on the queue).
 */
export const sendJob = defineJob({
  queue: 'distribution-send',
  payload: sendPayloadSchema,
  concurrency: (ctx) => ctx.config.MAIL_CONCURRENCY,
  limiter: (ctx) => ({ max: ctx.config.MAIL_RATE_MAX, duration: ctx.config.MAIL_RATE_DURATION_MS }),
  defaults: { removeOnComplete: { age: 24 * 3600, count: 100_000 } },
  handle: (payload, ctx) => sendToRecipient(ctx, payload),
});

/** One job id per recipient, kind (and reminder number) and generation; `generation` moves on at each resume. */
export function sendJobId(payload: SendPayload, generation: number): string {
  return payload.kind === 'invitation' ? `inv-${payload.recipientId}-g${generation}` : `rem-${payload.recipientId}-${payload.reminder}-g${generation}`;
}

export interface SendToEnqueue {
  recipientId: Types.ObjectId;
  contactId: Types.ObjectId;
  notBefore: Date | null;
  reminder?: number;
}

const BULK_SIZE = 1000;

/** Enqueues sends with one Redis round trip per thousand (addBulk), each delayed to its send-window opening. */
export async function enqueueSends(
  ctx: Pick<AppContext, 'queues'>,
  distribution: Pick<DistributionRecord, '_id' | 'generation'>,
  sends: SendToEnqueue[],
  now: Date = new Date(),
): Promise<void> {
  const queue = ctx.queues.queue(sendJob);
  for (let start = 0; start < sends.length; start += BULK_SIZE) {
    await queue.addBulk(
      sends.slice(start, start + BULK_SIZE).map((send) => {
        const data = sendPayloadSchema.parse({
          recipientId: send.recipientId.toString(),
          contactId: send.contactId.toString(),
          distributionId: distribution._id.toString(),
          kind: send.reminder ? 'reminder' : 'invitation',
          ...(send.reminder ? { reminder: send.reminder } : {}),
        });
        const delay = send.notBefore ? Math.max(0, send.notBefore.getTime() - now.getTime()) : 0;
        return { name: sendJob.queue, data, opts: { jobId: sendJobId(data, distribution.generation ?? 0), ...(delay > 0 ? { delay } : {}) } };
      }),
    );
  }
}
