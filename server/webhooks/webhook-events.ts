import type { ClientSession } from 'mongoose';
import type { WebhookEventType } from '@shared/webhooks/webhook.schema';
import type { AppContext } from '../app-context';
import { isDuplicateKey } from '../lib/mongo-errors';
import { enqueueWebhookDelivery, QUEUEABLE_FIELDS, type QueueableDelivery } from './webhook-delivery.job';
import { WebhookDeliveryModel, WebhookEndpointModel } from './webhook.model';

/** Something that happened, as receivers get it: the envelope is the JSON body of every delivery. */
export interface WebhookEvent {
  type: WebhookEventType;
  /** What the event is about (a response, alert or distribution id): with the type it makes the event id. */
  subjectId: string;
  at: Date;
  data: Record<string, unknown>;
}

/**
 * The event id receivers deduplicate by: the same for every attempt and redelivery, and the same when
 * the event is emitted again (a retried job, a resubmission), so it is derived, not random.
 */
export const webhookEventId = (type: WebhookEventType, subjectId: string): string => `evt_${type.replace('.', '_')}_${subjectId}`;

/** The body of every delivery of this event. */
export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({ id: webhookEventId(event.type, event.subjectId), type: event.type, timestamp: event.at.toISOString(), data: event.data });
}

/** Writes one delivery per subscribed, enabled endpoint; an event emitted again finds its deliveries and adds none. */
async function writeDeliveries(event: WebhookEvent, session?: ClientSession): Promise<QueueableDelivery[]> {
  const endpoints = await WebhookEndpointModel.find({ enabled: true, events: event.type }, { _id: 1 }, { session }).lean();
  if (endpoints.length === 0) return [];
  const eventId = webhookEventId(event.type, event.subjectId);
  const body = webhookBody(event);
  const docs = endpoints.map((endpoint) => ({ endpointId: endpoint._id, eventId, type: event.type, body }));
  try {
    await WebhookDeliveryModel.insertMany(docs, { ordered: false, session });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
    if (!Array.isArray(writeErrors) || !writeErrors.every(isDuplicateKey)) throw error;
  }
  return WebhookDeliveryModel.find({ eventId, endpointId: { $in: endpoints.map((e) => e._id) }, queuedAt: null }, QUEUEABLE_FIELDS, { session }).lean<QueueableDelivery[]>();
}

/**
 * Emits an event outside any transaction: its deliveries are written, then queued at once. Should the
 * enqueue be lost (Redis down), the deliveries stay unqueued and the sweep queues them.
 */
export async function emitWebhookEvent(ctx: AppContext, event: WebhookEvent): Promise<void> {
  for (const delivery of await writeDeliveries(event)) {
    await enqueueWebhookDelivery(ctx, delivery).catch((err: unknown) =>
      ctx.logger.warn({ err, eventId: delivery.eventId }, 'could not queue a webhook delivery; the sweep will queue it'),
    );
  }
}

/**
 * Emits an event inside the transaction that makes it true (a deletion): its deliveries commit or roll
 * back with it, and the sweep queues them after the commit (a transaction cannot enqueue).
 */
export async function emitWebhookEventInTransaction(event: WebhookEvent, session: ClientSession): Promise<void> {
  await writeDeliveries(event, session);
}
