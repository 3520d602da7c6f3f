import { Router } from 'express';
import {
  caseCategoryInputSchema,
  caseCategoryListQuerySchema,
  caseCategoryParamsSchema,
  caseCategoryUpdateSchema,
} from '@shared/cases/case-category.schema';
import { caseIntakeRulesSchema } from '@shared/cases/case-intake-rules.schema';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { createCaseCategory, listCaseCategories, updateCaseCategory } from './case-category.service';
import { getCaseIntakeRules, setCaseIntakeRules } from './case-intake.service';

/**
 * Mounted at `/api/case-admin` beside the teams and policies: the category taxonomy and the routing and
 * priority rules (admins). Every staff role may read the categories: agents file cases under them, and
 * analysts and designers name one as an improvement action's root cause.
 */
export function caseIntakeAdminRoutes(): Router {
  const router = Router();
  router.get(
    '/categories',
    requireRole('agent', 'analyst', 'designer'),
    validated({ query: caseCategoryListQuerySchema }, async ({ query }, _req, res) => {
      res.json({ categories: await listCaseCategories(query.archived === 'true') });
    }),
  );
  router.post(
    '/categories',
    requireRole('admin'),
    validated({ body: caseCategoryInputSchema }, async ({ body }, _req, res) => {
      res.status(201).json(await createCaseCategory(body));
    }),
  );
  router.put(
    '/categories/:key',
    requireRole('admin'),
    validated({ params: caseCategoryParamsSchema, body: caseCategoryUpdateSchema }, async ({ params, body }, _req, res) => {
      res.json(await updateCaseCategory(params.key, body));
    }),
  );
  router.get('/intake-rules', requireRole('admin'), async (_req, res) => {
    res.json(await getCaseIntakeRules());
  });
  router.put(
    '/intake-rules',
    requireRole('admin'),
    validated({ body: caseIntakeRulesSchema }, async ({ body }, _req, res) => {
      res.json(await setCaseIntakeRules(body));
    }),
  );
  return router;
}
