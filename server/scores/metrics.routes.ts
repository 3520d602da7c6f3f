import { Router } from 'express';
import { indexWeightsInputSchema } from '@shared/scoring/index-weights.schema';
import { metricsQuerySchema, scoresExportQuerySchema, trendQuerySchema } from '@shared/scoring/metrics.schema';
import { alertsQuerySchema } from '@shared/scoring/alerts.schema';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { listAlerts } from './alerts.service';
import { listIndexWeights, setIndexWeights } from './index-weights';
import { metricsTrend, touchpointMetrics } from './metrics.service';
import { streamScoresXlsx } from './scores-export';
import { touchpointThemes } from './theme-metrics.service';
import { themeMetricsQuerySchema } from '@shared/themes/theme-api.schema';

/** `/api/metrics`: scores from the rollups, for every staff role; index weights are set by admins. */
export function metricsRoutes(): Router {
  const router = Router();
  router.get(
    '/touchpoints',
    validated({ query: metricsQuerySchema }, async ({ query }, _req, res) => {
      res.json(await touchpointMetrics(query));
    }),
  );
  router.get(
    '/touchpoints.xlsx',
    validated({ query: scoresExportQuerySchema }, async ({ query }, _req, res) => {
      await streamScoresXlsx(query, res);
    }),
  );
  router.get(
    '/trend',
    validated({ query: trendQuerySchema }, async ({ query }, _req, res) => {
      res.json(await metricsTrend(query));
    }),
  );
  router.get(
    '/alerts',
    validated({ query: alertsQuerySchema }, async ({ query }, _req, res) => {
      res.json(await listAlerts(query));
    }),
  );
  router.get(
    '/themes',
    validated({ query: themeMetricsQuerySchema }, async ({ query }, _req, res) => {
      res.json(await touchpointThemes(query));
    }),
  );
  router.get('/index-weights', async (_req, res) => {
    const versions = await listIndexWeights();
    res.json({ current: versions[0], versions });
  });
  router.put(
    '/index-weights',
    requireRole('admin'),
    validated({ body: indexWeightsInputSchema }, async ({ body }, req, res) => {
      res.json(await setIndexWeights(body, req.auth?.user.email ?? 'unknown'));
    }),
  );
  return router;
}
