import { Types } from 'mongoose';
import type {
  CreatedWebhookEndpoint,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointUpdate,
  webhookDeliveriesQuerySchema,
  webhookEndpointInputSchema,
} from '@shared/webhooks/webhook.schema';
import type { z } from 'zod';
import type { AppContext } from '../app-context';
import { Conflict, Invalid, NotFound } from '../lib/errors';
import { checkWebhookHost, WebhookAddressRefused } from './webhook-address';
import { enqueueWebhookDelivery } from './webhook-delivery.job';
import { privateAllowance } from './webhook-delivery.service';
import { newWebhookSecret } from './webhook-signature';
import { WebhookDeliveryModel, WebhookEndpointModel, type WebhookDeliveryRecord, type WebhookEndpointRecord } from './webhook.model';

const toEndpoint = (doc: WebhookEndpointRecord & { createdAt: Date }): WebhookEndpoint => ({
  id: doc._id.toString(),
  url: doc.url,
  events: doc.events as WebhookEndpoint['events'],
  description: doc.description,
  enabled: doc.enabled,
  failingSince: doc.failingSince?.toISOString() ?? null,
  createdAt: doc.createdAt.toISOString(),
});

const toDelivery = (doc: WebhookDeliveryRecord): WebhookDelivery => ({
  id: doc._id.toString(),
  endpointId: doc.endpointId.toString(),
  eventId: doc.eventId,
  type: doc.type,
  status: doc.status,
  attempts: doc.attempts,
  responseCode: doc.responseCode ?? null,
  error: doc.error ?? null,
  lastAttemptAt: doc.lastAttemptAt?.toISOString() ?? null,
  deliveredAt: doc.deliveredAt?.toISOString() ?? null,
  createdAt: doc.createdAt.toISOString(),
});

/** Refuses, as a 400 on the `url` field, a URL whose host the SSRF guard would refuse at delivery. */
async function checkUrlAtSave(ctx: AppContext, url: string): Promise<void> {
  try {
    await checkWebhookHost(new URL(url), privateAllowance(ctx));
  } catch (error) {
    if (error instanceof WebhookAddressRefused) throw new Invalid('This URL may not receive webhooks.', [{ name: 'body.url', reason: error.message }]);
    throw error;
  }
}

export async function createWebhookEndpoint(ctx: AppContext, input: z.output<typeof webhookEndpointInputSchema>): Promise<CreatedWebhookEndpoint> {
  await checkUrlAtSave(ctx, input.url);
  const secret = newWebhookSecret();
  const doc = await WebhookEndpointModel.create({ ...input, secret });
  return { ...toEndpoint(doc.toObject()), secret };
}

export async function listWebhookEndpoints(): Promise<WebhookEndpoint[]> {
  const docs = await WebhookEndpointModel.find().sort({ createdAt: 1 }).lean();
  return docs.map(toEndpoint);
}

export async function getWebhookEndpoint(id: string): Promise<WebhookEndpoint> {
  const doc = await WebhookEndpointModel.findById(id).lean();
  if (!doc) throw new NotFound('No such webhook endpoint.');
  return toEndpoint(doc);
}

export async function updateWebhookEndpoint(ctx: AppContext, id: string, update: WebhookEndpointUpdate): Promise<WebhookEndpoint> {
  if (update.url !== undefined) await checkUrlAtSave(ctx, update.url);
  const doc = await WebhookEndpointModel.findByIdAndUpdate(id, { $set: update }, { returnDocument: 'after' }).lean();
  if (!doc) throw new NotFound('No such webhook endpoint.');
  return toEndpoint(doc);
}

/** Deletes an endpoint and its delivery records; queued attempts find it gone and stop. */
export async function deleteWebhookEndpoint(id: string): Promise<void> {
  const { deletedCount } = await WebhookEndpointModel.deleteOne({ _id: id });
  if (deletedCount === 0) throw new NotFound('No such webhook endpoint.');
  await WebhookDeliveryModel.deleteMany({ endpointId: new Types.ObjectId(id) });
}

export async function listWebhookDeliveries(endpointId: string, query: z.output<typeof webhookDeliveriesQuerySchema>): Promise<WebhookDelivery[]> {
  await getWebhookEndpoint(endpointId);
  const filter = { endpointId: new Types.ObjectId(endpointId), ...(query.status ? { status: query.status } : {}) };
  const docs = await WebhookDeliveryModel.find(filter, { body: 0 }).sort({ createdAt: -1 }).limit(query.limit).lean<WebhookDeliveryRecord[]>();
  return docs.map(toDelivery);
}

/**
 * Sends a delivery again, with the same event id and body, as a new job with fresh attempts (its id
 * counts the redeliveries, so a double click queues one). A delivery still pending is left to its job.
 */
export async function redeliverWebhook(ctx: AppContext, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
  const doc = await WebhookDeliveryModel.findOneAndUpdate(
    { _id: deliveryId, endpointId: new Types.ObjectId(endpointId), status: { $ne: 'pending' } },
    { $set: { status: 'pending', error: null }, $inc: { redeliveries: 1 } },
    { returnDocument: 'after', projection: { body: 0 } },
  ).lean<WebhookDeliveryRecord>();
  if (!doc) {
    const exists = await WebhookDeliveryModel.exists({ _id: deliveryId, endpointId: new Types.ObjectId(endpointId) });
    if (!exists) throw new NotFound('No such delivery.');
    throw new Conflict('This delivery is still being attempted; wait for it to be delivered or fail.', 'delivery-pending');
  }
  await enqueueWebhookDelivery(ctx, doc);
  return toDelivery(doc);
}
