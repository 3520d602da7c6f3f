import { Router } from 'express';
import {
  webhookDeliveriesQuerySchema,
  webhookDeliveryParamsSchema,
  webhookEndpointInputSchema,
  webhookEndpointParamsSchema,
  webhookEndpointUpdateSchema,
} from '@shared/webhooks/webhook.schema';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  updateWebhookEndpoint,
} from './webhook.service';

/** `/api/webhooks`: admins register endpoints, read their deliveries and redeliver. */
export function webhookRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(requireRole('admin'));
  router.get('/', async (_req, res) => {
    res.json({ endpoints: await listWebhookEndpoints() });
  });
  router.post(
    '/',
    validated({ body: webhookEndpointInputSchema }, async ({ body }, _req, res) => {
      res.status(201).json(await createWebhookEndpoint(ctx, body));
    }),
  );
  router.get(
    '/:id',
    validated({ params: webhookEndpointParamsSchema }, async ({ params }, _req, res) => {
      res.json(await getWebhookEndpoint(params.id));
    }),
  );
  router.patch(
    '/:id',
    validated({ params: webhookEndpointParamsSchema, body: webhookEndpointUpdateSchema }, async ({ params, body }, _req, res) => {
      res.json(await updateWebhookEndpoint(ctx, params.id, body));
    }),
  );
  router.delete(
    '/:id',
    validated({ params: webhookEndpointParamsSchema }, async ({ params }, _req, res) => {
      await deleteWebhookEndpoint(params.id);
      res.status(204).end();
    }),
  );
  router.get(
    '/:id/deliveries',
    validated({ params: webhookEndpointParamsSchema, query: webhookDeliveriesQuerySchema }, async ({ params, query }, _req, res) => {
      res.json({ deliveries: await listWebhookDeliveries(params.id, query) });
    }),
  );
  router.post(
    '/:id/deliveries/:deliveryId/redeliver',
    validated({ params: webhookDeliveryParamsSchema }, async ({ params }, _req, res) => {
      res.json(await redeliverWebhook(ctx, params.id, params.deliveryId));
    }),
  );
  return router;
}
