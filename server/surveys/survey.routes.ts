import { Router } from 'express';
import {
  createSurveyInputSchema,
  publicSlugParamsSchema,
  surveyIdParamsSchema,
  surveyVersionParamsSchema,
  updateSurveyInputSchema,
} from '@shared/surveys/survey-api.schema';
import { surveyLinkInputSchema } from '@shared/surveys/survey-link.schema';
import { UI_LOCALES } from '@shared/survey-definition/survey-locale';
import { listTemplates } from '@shared/survey-definition/templates';
import { z } from 'zod';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import {
  createSurvey,
  getPublicSurvey,
  getSurvey,
  getSurveyVersion,
  listSurveys,
  publishSurvey,
  setArchived,
  updateSurvey,
} from './survey.service';
import { signedSurveyLink } from './survey-link';

const templateQuerySchema = z.object({ locale: z.enum(UI_LOCALES).default('en') });

/** `/api/surveys`: all staff read; designers and admins write and publish. */
export function surveyRoutes(ctx: AppContext): Router {
  const router = Router();
  const designer = requireRole('designer');
  router.get(
    '/templates',
    validated({ query: templateQuerySchema }, ({ query }, _req, res) => {
      res.json({ templates: listTemplates(query.locale) });
    }),
  );
  router.get('/', async (_req, res) => {
    res.json({ surveys: await listSurveys() });
  });
  router.post(
    '/',
    designer,
    validated({ body: createSurveyInputSchema }, async ({ body }, req, res) => {
      res.status(201).json(await createSurvey(body, req.auth!.user.id));
    }),
  );
  router.get(
    '/:id',
    validated({ params: surveyIdParamsSchema }, async ({ params }, _req, res) => {
      res.json(await getSurvey(params.id));
    }),
  );
  router.put(
    '/:id',
    designer,
    validated({ params: surveyIdParamsSchema, body: updateSurveyInputSchema }, async ({ params, body }, _req, res) => {
      res.json(await updateSurvey(params.id, body));
    }),
  );
  router.post(
    '/:id/publish',
    designer,
    validated({ params: surveyIdParamsSchema }, async ({ params }, req, res) => {
      res.status(201).json(await publishSurvey(params.id, req.auth!.user.id));
    }),
  );
  router.post(
    '/:id/archive',
    designer,
    validated({ params: surveyIdParamsSchema }, async ({ params }, _req, res) => {
      res.json(await setArchived(params.id, true));
    }),
  );
  router.post(
    '/:id/restore',
    designer,
    validated({ params: surveyIdParamsSchema }, async ({ params }, _req, res) => {
      res.json(await setArchived(params.id, false));
    }),
  );
  // A link tagged with a touchpoint/channel, signed: anonymous answers can carry those tags only this way.
  router.post(
    '/:id/links',
    designer,
    validated({ params: surveyIdParamsSchema, body: surveyLinkInputSchema }, async ({ params, body }, _req, res) => {
      res.status(201).json(await signedSurveyLink(ctx, { surveyId: params.id, ...body }));
    }),
  );
  router.get(
    '/:id/versions/:n',
    validated({ params: surveyVersionParamsSchema }, async ({ params }, _req, res) => {
      res.json(await getSurveyVersion(params.id, params.n));
    }),
  );
  return router;
}

/** `/api/public/surveys`: what a customer's link loads, without signing in. */
export function publicSurveyRoutes(): Router {
  const router = Router();
  router.get(
    '/:slug',
    validated({ params: publicSlugParamsSchema }, async ({ params }, _req, res) => {
      const { slug, version, definition } = await getPublicSurvey(params.slug);
      res.setHeader('Cache-Control', 'no-cache');
      res.json({ slug, version, definition });
    }),
  );
  return router;
}
