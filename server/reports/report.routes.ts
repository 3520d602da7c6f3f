import { Router } from 'express';
import { z } from 'zod';
import { objectIdSchema } from '@shared/http/object-id.schema';
import { reportDefinitionInputSchema, reportIdParamsSchema, reportPeriodQuerySchema } from '@shared/reports/report.schema';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { reportSendJob } from './report.job';
import { buildReportOnce, createDefinition, deleteDefinition, findReport, listDefinitions, listReports, previewReport, reportOut, updateDefinition } from './report.service';

const listQuerySchema = z.object({ definition: objectIdSchema.optional() }).strict();

/** `/api/reports`: admins keep definitions, preview and send; every staff role reads built reports (the printable page). */
export function reportRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/definitions', requireRole('admin'), async (_req, res) => {
    res.json({ definitions: await listDefinitions() });
  });
  router.post(
    '/definitions',
    requireRole('admin'),
    validated({ body: reportDefinitionInputSchema }, async ({ body }, req, res) => {
      res.status(201).json(await createDefinition(body, req.auth?.user.email ?? 'unknown'));
    }),
  );
  router.put(
    '/definitions/:id',
    requireRole('admin'),
    validated({ params: reportIdParamsSchema, body: reportDefinitionInputSchema }, async ({ params, body }, _req, res) => {
      res.json(await updateDefinition(params.id, body));
    }),
  );
  router.delete(
    '/definitions/:id',
    requireRole('admin'),
    validated({ params: reportIdParamsSchema }, async ({ params }, _req, res) => {
      await deleteDefinition(params.id);
      res.status(204).end();
    }),
  );
  router.get(
    '/definitions/:id/preview',
    requireRole('admin'),
    validated({ params: reportIdParamsSchema, query: reportPeriodQuerySchema }, async ({ params, query }, _req, res) => {
      res.json(await previewReport(params.id, query.period, new Date()));
    }),
  );
  router.post(
    '/definitions/:id/send',
    requireRole('admin'),
    validated({ params: reportIdParamsSchema, query: reportPeriodQuerySchema }, async ({ params, query }, _req, res) => {
      // Built now (so the admin gets the report back), emailed by the send job: a job id per definition and
      // period queues it once, and the job's retries wait out an attempt still holding a recipient's send.
      const doc = await buildReportOnce(params.id, query.period, new Date());
      const report = reportOut(doc);
      await ctx.queues.enqueue(reportSendJob, { definitionId: params.id, period: report.period.key }, { jobId: `report-${params.id}-${report.period.key}` });
      res.status(202).json({ report });
    }),
  );
  router.get(
    '/',
    validated({ query: listQuerySchema }, async ({ query }, _req, res) => {
      res.json({ reports: await listReports(query.definition) });
    }),
  );
  router.get(
    '/:id',
    validated({ params: reportIdParamsSchema }, async ({ params }, _req, res) => {
      res.json(await findReport(params.id));
    }),
  );
  return router;
}
