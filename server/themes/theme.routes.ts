import { Router } from 'express';
import { themeInputSchema, themeKeyParamsSchema, themeUpdateSchema } from '@shared/themes/theme-api.schema';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { requestRetag } from './theme-retag.job';
import { createTheme, deleteTheme, listThemes, retagStatus, updateTheme } from './theme.service';

/**
 * `/api/themes`: every staff role reads the comment themes (the dashboard names them); admins keep
 * them. Each edit asks for the re-tagging job, whose state `GET /api/themes/retag` shows.
 */
export function themeRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const [themes, retag] = await Promise.all([listThemes(), retagStatus()]);
    res.json({ themes, retag });
  });
  router.get('/retag', async (_req, res) => {
    res.json(await retagStatus());
  });
  router.post('/', requireRole('admin'), validated({ body: themeInputSchema }, async ({ body }, _req, res) => {
    const { theme, revision } = await createTheme(body);
    await requestRetag(ctx, revision);
    res.status(201).json(theme);
  }));
  router.put('/:key', requireRole('admin'), validated({ params: themeKeyParamsSchema, body: themeUpdateSchema }, async ({ params, body }, _req, res) => {
    const { theme, revision } = await updateTheme(params.key, body);
    await requestRetag(ctx, revision);
    res.json(theme);
  }));
  router.delete('/:key', requireRole('admin'), validated({ params: themeKeyParamsSchema }, async ({ params }, _req, res) => {
    const { revision } = await deleteTheme(params.key);
    await requestRetag(ctx, revision);
    res.status(204).end();
  }));
  return router;
}
