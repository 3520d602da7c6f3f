import { Router } from 'express';
import { touchpointInputSchema, touchpointKeyParamsSchema, touchpointUpdateSchema } from '@shared/touchpoints/touchpoint.schema';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { createTouchpoint, getTouchpoint, listTouchpoints, updateTouchpoint } from './touchpoint.service';

/** `/api/touchpoints`: everyone signed in reads; designers and admins define them. */
export function touchpointRoutes(): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json({ touchpoints: await listTouchpoints() });
  });
  router.get(
    '/:key',
    validated({ params: touchpointKeyParamsSchema }, async ({ params }, _req, res) => {
      res.json(await getTouchpoint(params.key));
    }),
  );
  router.post(
    '/',
    requireRole('designer'),
    validated({ body: touchpointInputSchema }, async ({ body }, req, res) => {
      res.status(201).json(await createTouchpoint(body, req.auth?.user.email ?? null));
    }),
  );
  router.patch(
    '/:key',
    requireRole('designer'),
    validated({ params: touchpointKeyParamsSchema, body: touchpointUpdateSchema }, async ({ params, body }, req, res) => {
      res.json(await updateTouchpoint(params.key, body, req.auth?.user.email ?? null));
    }),
  );
  return router;
}
