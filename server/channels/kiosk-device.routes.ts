import { Router } from 'express';
import { kioskDeviceIdParamsSchema, kioskDeviceInputSchema, kioskListQuerySchema } from '@shared/channels/channel.schema';
import { KIOSK_HEADER } from '@shared/channels/kiosk-constants';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { authenticateKiosk, createKioskDevice, kioskSettings, listKioskDevices, revokeKioskDevice } from './kiosk-device.service';

/** `/api/kiosks`: all staff see the tablets; designers and admins register and revoke them. */
export function kioskDeviceRoutes(ctx: AppContext): Router {
  const router = Router();
  const designer = requireRole('designer');
  router.get(
    '/',
    validated({ query: kioskListQuerySchema }, async ({ query }, _req, res) => {
      res.json({ kiosks: await listKioskDevices(query) });
    }),
  );
  router.post(
    '/',
    designer,
    validated({ body: kioskDeviceInputSchema }, async ({ body }, req, res) => {
      res.status(201).json(await createKioskDevice(ctx, body, req.auth!.user.id));
    }),
  );
  router.post(
    '/:id/revoke',
    designer,
    validated({ params: kioskDeviceIdParamsSchema }, async ({ params }, _req, res) => {
      res.json(await revokeKioskDevice(params.id));
    }),
  );
  return router;
}

/** `/api/public/kiosk`: the tablet reads its settings with its credential (401 unknown, 403 revoked). */
export function publicKioskRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const device = await authenticateKiosk(req.get(KIOSK_HEADER) ?? '');
    res.set('Cache-Control', 'no-store').json(await kioskSettings(ctx, device));
  });
  return router;
}
