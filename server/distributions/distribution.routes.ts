import { Router } from 'express';
import { z } from 'zod';
import { objectIdSchema } from '@shared/http/object-id.schema';
import { createDistributionInputSchema, distributionIdParamsSchema, outboxQuerySchema } from '@shared/distributions/distribution.schema';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import {
  cancelDistribution,
  createDistribution,
  distributionOutbox,
  getDistribution,
  listDistributions,
  pauseDistribution,
  resumeDistribution,
} from './distribution.service';

const listQuerySchema = z.object({ survey: objectIdSchema.optional() }).strict();

/** `/api/distributions`: admins and designers run them; every signed-in role (analysts included) reads them. */
export function distributionRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get(
    '/',
    validated({ query: listQuerySchema }, async ({ query }, _req, res) => {
      res.json({ distributions: await listDistributions(query) });
    }),
  );
  router.post(
    '/',
    requireRole('designer'),
    validated({ body: createDistributionInputSchema }, async ({ body }, req, res) => {
      res.status(201).json(await createDistribution(ctx, body, req.auth?.user.id ?? null));
    }),
  );
  router.get(
    '/:id',
    validated({ params: distributionIdParamsSchema }, async ({ params }, _req, res) => {
      res.json(await getDistribution(params.id));
    }),
  );
  router.get(
    '/:id/outbox',
    validated({ params: distributionIdParamsSchema, query: outboxQuerySchema }, async ({ params, query }, _req, res) => {
      res.json(await distributionOutbox(params.id, query));
    }),
  );
  const actions = { pause: pauseDistribution, resume: resumeDistribution, cancel: cancelDistribution } as const;
  for (const [action, run] of Object.entries(actions)) {
    router.post(
      `/:id/${action}`,
      requireRole('designer'),
      validated({ params: distributionIdParamsSchema }, async ({ params }, _req, res) => {
        res.json(await run(ctx, params.id));
      }),
    );
  }
  return router;
}
