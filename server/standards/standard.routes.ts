import { Router } from 'express';
import { touchpointKeyParamsSchema } from '@shared/touchpoints/touchpoint.schema';
import { standardDiffQuerySchema, standardVersionInputSchema, standardVersionParamsSchema } from '@shared/standards/standard.schema';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { createStandardVersion, currentStandard, diffStandardVersions, getStandardVersion, listStandardVersions } from './standard.service';

/** `/api/touchpoints/:key/standard`: everyone signed in reads a touchpoint's standard; designers and admins version it. */
export function standardRoutes(): Router {
  const router = Router();
  router.get(
    '/:key/standard',
    validated({ params: touchpointKeyParamsSchema }, async ({ params }, _req, res) => {
      res.json(await currentStandard(params.key));
    }),
  );
  router.get(
    '/:key/standard/versions',
    validated({ params: touchpointKeyParamsSchema }, async ({ params }, _req, res) => {
      res.json({ versions: await listStandardVersions(params.key) });
    }),
  );
  router.get(
    '/:key/standard/versions/:version',
    validated({ params: standardVersionParamsSchema }, async ({ params }, _req, res) => {
      res.json(await getStandardVersion(params.key, params.version));
    }),
  );
  router.get(
    '/:key/standard/diff',
    validated({ params: touchpointKeyParamsSchema, query: standardDiffQuerySchema }, async ({ params, query }, _req, res) => {
      res.json(await diffStandardVersions(params.key, query.from, query.to));
    }),
  );
  router.post(
    '/:key/standard/versions',
    requireRole('designer'),
    validated({ params: touchpointKeyParamsSchema, body: standardVersionInputSchema }, async ({ params, body }, req, res) => {
      const { effectiveFrom, ...change } = body;
      const version = await createStandardVersion({
        ...change,
        touchpoint: params.key,
        ...(effectiveFrom ? { effectiveFrom: new Date(effectiveFrom) } : {}),
        createdBy: req.auth?.user.email ?? null,
        source: 'editor',
      });
      res.status(201).json(version);
    }),
  );
  return router;
}
