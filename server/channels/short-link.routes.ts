import { Router } from 'express';
import { escapeHtml } from '@shared/html/escape-html';
import { shortLinkParamsSchema } from '@shared/channels/channel.schema';
import type { AppContext } from '../app-context';
import { NotFound } from '../lib/errors';
import { pageLocaleOf, sendPlainPage, wantsHtml } from '../lib/plain-page';
import { SERVER_TEXT } from '../mail/text-defaults';
import { shortLinkTarget } from './short-link.service';

/**
 * `/q/:code`, no login: a scanned QR code or a typed card link, sent on (302) to the survey's signed
 * link as it is signed now. Not cached, so a re-signed or re-slugged survey is followed at once. An
 * unknown code is a 404: a small page for a phone's browser, problem+json for anything else.
 */
export function shortLinkRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/:code', async (req, res) => {
    const params = shortLinkParamsSchema.safeParse(req.params);
    const target = params.success ? await shortLinkTarget(ctx, params.data.code) : null;
    if (target) {
      res.set('Cache-Control', 'no-store').redirect(302, target);
      return;
    }
    if (!wantsHtml(req)) throw new NotFound('There is no survey behind this short link.');
    const locale = pageLocaleOf(req);
    const t = SERVER_TEXT[locale].shortLinkPage;
    sendPlainPage(res, 404, locale, t.missingTitle, `<p>${escapeHtml(t.missing)}</p>`);
  });
  return router;
}
