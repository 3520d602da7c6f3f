import { z } from 'zod';
import { objectIdSchema } from '../http/object-id.schema';

/**
 * Every event a webhook endpoint may subscribe to. Cases and actions add theirs here when they exist;
 * the endpoint model, the routes and the staff page all take the list from this one enum.
 */
export const WEBHOOK_EVENTS = [
  'response.created',
  'response.deleted',
  'alert.breach',
  'alert.recovery',
  'distribution.completed',
  'case.opened',
  'case.moved',
  'case.resolved',
  'case.reopened',
  'case.assigned',
  'case.categorised',
  'case.breached',
  'case.escalated',
  'action.created',
  'action.moved',
  'action.checked',
] as const;
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENTS);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

/** Outgoing URLs: http(s) only, no credentials in them (they would leak into logs and the staff page). */
export const webhookUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol), { message: 'must be an http:// or https:// URL' })
  .refine((value) => !URL.canParse(value) || (new URL(value).username === '' && new URL(value).password === ''), {
    message: 'must not carry a user name or password',
  });

export const webhookEndpointInputSchema = z
  .object({
    url: webhookUrlSchema,
    events: z.array(webhookEventTypeSchema).min(1).max(WEBHOOK_EVENTS.length).refine((events) => new Set(events).size === events.length, {
      message: 'must not name an event twice',
    }),
    description: z.string().trim().max(200).default(''),
    enabled: z.boolean().default(true),
  })
  .strict();
export type WebhookEndpointInput = z.input<typeof webhookEndpointInputSchema>;

export const webhookEndpointUpdateSchema = z
  .object({
    url: webhookUrlSchema.optional(),
    events: webhookEndpointInputSchema.shape.events.optional(),
    description: z.string().trim().max(200).optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((update) => Object.keys(update).length > 0, { message: 'name at least one field to change' });
export type WebhookEndpointUpdate = z.infer<typeof webhookEndpointUpdateSchema>;

/** An endpoint as staff see it; its secret is never shown again after creation. */
export const webhookEndpointSchema = z.object({
  id: objectIdSchema,
  url: z.string(),
  events: z.array(webhookEventTypeSchema),
  description: z.string(),
  enabled: z.boolean(),
  /** Set when a delivery ran out of attempts; cleared by the next successful delivery. */
  failingSince: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** The reply to creating an endpoint: the only time its signing secret (`whsec_<base64>`) is shown. */
export const createdWebhookEndpointSchema = webhookEndpointSchema.extend({ secret: z.string().startsWith('whsec_') });
export type CreatedWebhookEndpoint = z.infer<typeof createdWebhookEndpointSchema>;

export const webhookEndpointListSchema = z.object({ endpoints: z.array(webhookEndpointSchema) });

/**
 * `pending`: waiting for its first or next attempt; `delivered`: the receiver answered 2xx;
 * `failed`: out of attempts, or refused (an address the SSRF guard blocks).
 */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const webhookDeliveryStatusSchema = z.enum(WEBHOOK_DELIVERY_STATUSES);

export const webhookDeliverySchema = z.object({
  id: objectIdSchema,
  endpointId: objectIdSchema,
  eventId: z.string(),
  type: webhookEventTypeSchema,
  status: webhookDeliveryStatusSchema,
  attempts: z.number().int(),
  responseCode: z.number().int().nullable(),
  error: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;
export const webhookDeliveryListSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });

export const webhookEndpointParamsSchema = z.object({ id: objectIdSchema }).strict();
export const webhookDeliveryParamsSchema = z.object({ id: objectIdSchema, deliveryId: objectIdSchema }).strict();
export const webhookDeliveriesQuerySchema = z
  .object({
    status: webhookDeliveryStatusSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
