import { Router } from 'express';
import { segmentsSchema } from '@shared/contacts/segment.schema';
import { channelsSchema } from '@shared/touchpoints/touchpoint.schema';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { getChannels, getSegments, setChannels, setSegments } from './settings.service';

/** `/api/settings`: channels and customer segments are readable by all staff, set by admins. */
export function settingsRoutes(): Router {
  const router = Router();
  router.get('/channels', async (_req, res) => {
    res.json({ channels: await getChannels() });
  });
  router.put(
    '/channels',
    requireRole('admin'),
    validated({ body: channelsSchema }, async ({ body }, _req, res) => {
      res.json({ channels: await setChannels(body.channels) });
    }),
  );
  router.get('/segments', async (_req, res) => {
    res.json({ segments: await getSegments() });
  });
  router.put(
    '/segments',
    requireRole('admin'),
    validated({ body: segmentsSchema }, async ({ body }, _req, res) => {
      res.json({ segments: await setSegments(body.segments) });
    }),
  );
  return router;
}
