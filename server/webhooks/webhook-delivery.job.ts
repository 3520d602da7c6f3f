import { z } from 'zod';
import type { Types } from 'mongoose';
import { objectIdSchema } from '@shared/http/object-id.schema';
import { defineJob, type AppContext } from '../app-context';
import { deliverWebhook } from './webhook-delivery.service';
import { WebhookDeliveryModel } from './webhook.model';

/** One delivery's attempts: BullMQ retries it with exponential backoff (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_BASE_MS). */
export const webhookDeliveryJob = defineJob({
  queue: 'webhook-delivery',
  payload: z.object({ deliveryId: objectIdSchema }).strict(),
  concurrency: 16,
  handle: ({ deliveryId }, ctx) => deliverWebhook(ctx, deliveryId, ctx.job),
});

/** What queueing a delivery needs to know of it. */
export type QueueableDelivery = { _id: Types.ObjectId; eventId: string; endpointId: Types.ObjectId; redeliveries: number };
export const QUEUEABLE_FIELDS = { _id: 1, eventId: 1, endpointId: 1, redeliveries: 1 } as const;

/**
 * The job id is the event and the endpoint: however often the event is emitted or the sweep runs, one
 * job delivers it (retries are that job's attempts). A redelivery staff ask for gets its own job.
 */
export const webhookDeliveryJobId = (delivery: QueueableDelivery): string =>
  `webhook-${delivery.eventId}-${delivery.endpointId.toString()}${delivery.redeliveries > 0 ? `-r${delivery.redeliveries}` : ''}`;

export async function enqueueWebhookDelivery(ctx: AppContext, delivery: QueueableDelivery): Promise<void> {
  await ctx.queues.enqueue(
    webhookDeliveryJob,
    { deliveryId: delivery._id.toString() },
    {
      jobId: webhookDeliveryJobId(delivery),
      attempts: ctx.config.WEBHOOK_MAX_ATTEMPTS,
      backoff: { type: 'exponential', delay: ctx.config.WEBHOOK_RETRY_BASE_MS },
    },
  );
  await WebhookDeliveryModel.updateOne({ _id: delivery._id, queuedAt: null }, { $set: { queuedAt: new Date() } });
}

/** Queues deliveries written but never queued: a deletion's (written in its transaction) and lost enqueues. */
export async function queueUnqueuedDeliveries(ctx: AppContext): Promise<{ queued: number }> {
  const waiting = await WebhookDeliveryModel.find({ queuedAt: null, status: 'pending' }, QUEUEABLE_FIELDS).limit(500).lean<QueueableDelivery[]>();
  for (const delivery of waiting) await enqueueWebhookDelivery(ctx, delivery);
  return { queued: waiting.length };
}

export const webhookSweepJob = defineJob({
  queue: 'webhook-sweep',
  payload: z.object({}).strict(),
  concurrency: 1,
  defaults: { attempts: 1, removeOnComplete: { age: 3600, count: 100 } },
  schedule: (ctx) => ({ repeat: { every: ctx.config.WEBHOOK_SWEEP_MS }, payload: {} }),
  handle: (_payload, ctx) => queueUnqueuedDeliveries(ctx),
});
