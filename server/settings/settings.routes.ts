import { Router } from 'express';
import { channelsSchema } from '@shared/touchpoints/touchpoint.schema';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { getChannels, setChannels } from './settings.service';

/** `/api/settings`: channels are readable by all staff, set by admins. */
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
  return router;
}
