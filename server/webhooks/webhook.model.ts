import { Schema, Types, model, type InferSchemaType } from 'mongoose';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from '@shared/webhooks/webhook.schema';

const endpointSchema = new Schema(
  {
    url: { type: String, required: true },
    events: { type: [{ type: String, enum: WEBHOOK_EVENTS }], required: true },
    description: { type: String, default: '' },
    enabled: { type: Boolean, default: true },
    /** The signing secret (`whsec_...`); needed in clear to sign, shown to staff only at creation. */
    secret: { type: String, required: true },
    /** When a delivery last ran out of attempts; null while deliveries succeed. Admins are told once per spell. */
    failingSince: { type: Date, default: null },
  },
  { timestamps: true },
);
endpointSchema.index({ enabled: 1, events: 1 });

export type WebhookEndpointRecord = InferSchemaType<typeof endpointSchema> & { _id: Types.ObjectId };
export const WebhookEndpointModel = model('WebhookEndpoint', endpointSchema);

/**
 * One event for one endpoint. The body is written once when the event happens (a deleted response's
 * data is gone afterwards), so every attempt and redelivery sends the same bytes with the same id.
 * Unique per (event, endpoint): an event emitted twice is delivered once.
 */
const deliverySchema = new Schema(
  {
    endpointId: { type: Types.ObjectId, required: true },
    eventId: { type: String, required: true },
    type: { type: String, enum: WEBHOOK_EVENTS, required: true },
    body: { type: String, required: true },
    status: { type: String, enum: WEBHOOK_DELIVERY_STATUSES, default: 'pending' },
    attempts: { type: Number, default: 0 },
    responseCode: { type: Number, default: null },
    error: { type: String, default: null },
    lastAttemptAt: { type: Date, default: null },
    deliveredAt: { type: Date, default: null },
    /** When its job was queued; null for a delivery written in a transaction and not queued yet (the sweep queues it). */
    queuedAt: { type: Date, default: null },
    /** Times staff asked for it again; part of the redelivery's job id. */
    redeliveries: { type: Number, default: 0 },
  },
  // An endpoint's deliveries sit together (its delivery list targets its range); event ids split the range.
  { timestamps: true, shardKey: { endpointId: 1, eventId: 1 } },
);
deliverySchema.index({ endpointId: 1, eventId: 1 }, { unique: true });
deliverySchema.index({ endpointId: 1, createdAt: -1 });
deliverySchema.index({ queuedAt: 1, status: 1 });
/** Delivery records are a log for staff, not a store: they go after this long (the receiver has its copy). */
export const DELIVERY_RETENTION_DAYS = 30;
deliverySchema.index({ createdAt: 1 }, { expireAfterSeconds: DELIVERY_RETENTION_DAYS * 24 * 3600 });

export type WebhookDeliveryRecord = InferSchemaType<typeof deliverySchema> & { _id: Types.ObjectId; createdAt: Date };
export const WebhookDeliveryModel = model('WebhookDelivery', deliverySchema);
