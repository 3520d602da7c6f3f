import { Router } from 'express';
import { qrPngQuerySchema, surveyLinkQuerySchema } from '@shared/channels/channel.schema';
import { surveyIdParamsSchema } from '@shared/surveys/survey-api.schema';
import type { AppContext } from '../app-context';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { qrPng, qrSvg } from './qr-code';
import { surveyLinkWithShortUrl } from './short-link.service';

/** A code holds the short link, which never changes for its tags; a short private cache is still enough. */
const QR_CACHE = 'private, max-age=300';

/**
 * `/api/surveys/:id/link`, `.../qr.svg`, `.../qr.png`: a published survey's respondent link with
 * touchpoint and channel preset (and its short form `/q/<code>`), and the short link as a QR code (fewer
 * modules than the signed link, so it reads from further away), for cards, receipts and posters.
 */
export function channelLinkRoutes(ctx: AppContext): Router {
  const router = Router();
  // A tagged link is signed: making one is a designer's act, as for POST /api/surveys/:id/links.
  const designer = requireRole('designer');
  router.get(
    '/:id/link',
    designer,
    validated({ params: surveyIdParamsSchema, query: surveyLinkQuerySchema }, async ({ params, query }, _req, res) => {
      res.json(await surveyLinkWithShortUrl(ctx, params.id, query));
    }),
  );
  router.get(
    '/:id/qr.svg',
    designer,
    validated({ params: surveyIdParamsSchema, query: surveyLinkQuerySchema }, async ({ params, query }, _req, res) => {
      const link = await surveyLinkWithShortUrl(ctx, params.id, query);
      res.type('image/svg+xml').set('Cache-Control', QR_CACHE).send(await qrSvg(link.shortUrl));
    }),
  );
  router.get(
    '/:id/qr.png',
    designer,
    validated({ params: surveyIdParamsSchema, query: qrPngQuerySchema }, async ({ params, query }, _req, res) => {
      const { width, ...tags } = query;
      const link = await surveyLinkWithShortUrl(ctx, params.id, tags);
      res.type('image/png').set('Cache-Control', QR_CACHE).send(await qrPng(link.shortUrl, width));
    }),
  );
  return router;
}
