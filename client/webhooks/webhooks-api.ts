import {
  createdWebhookEndpointSchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  type WebhookEndpointInput,
  type WebhookEndpointUpdate,
} from '@shared/webhooks/webhook.schema';
import type { ApiClient } from '../lib/api-client';

/** The webhooks page's calls; replies are checked against the shared schemas. */
export function webhooksApi(api: ApiClient) {
  return {
    list: () => api.get('/api/webhooks', webhookEndpointListSchema).then((reply) => reply.endpoints),
    create: (input: WebhookEndpointInput) => api.post('/api/webhooks', input, createdWebhookEndpointSchema),
    update: (id: string, update: WebhookEndpointUpdate) => api.patch(`/api/webhooks/${id}`, update, webhookEndpointSchema),
    remove: (id: string) => api.delete(`/api/webhooks/${id}`),
    deliveries: (id: string) => api.get(`/api/webhooks/${id}/deliveries`, webhookDeliveryListSchema).then((reply) => reply.deliveries),
    redeliver: (id: string, deliveryId: string) => api.post(`/api/webhooks/${id}/deliveries/${deliveryId}/redeliver`, undefined, webhookDeliverySchema),
  };
}
