import fs from 'node:fs/promises';
import path from 'node:path';
import { Router, type RequestHandler } from 'express';
import { escapeHtml } from '@shared/html/escape-html';
import { caseRefParamsSchema } from '@shared/cases/case-api.schema';
import { caseLinkParamsSchema, caseMessageSchema, customerReplySchema, resolutionFeedbackSchema } from '@shared/cases/case-customer.schema';
import type { AppContext } from '../../app-context';
import { requireRole } from '../../auth/auth.middleware';
import { addressKey } from '../../lib/client-address';
import { NotFound, TooManyRequests, Unauthenticated } from '../../lib/errors';
import { pageLocaleOf, sendPlainPage } from '../../lib/plain-page';
import { hitRateLimits } from '../../lib/rate-limit';
import { validated } from '../../lib/validate';
import { SERVER_TEXT } from '../../mail/text-defaults';
import { verifyCaseLinkToken } from './case-link';
import { addCaseMessage, addCustomerReply, answerResolution, readCustomerCase } from './case-customer.service';

/** Mounted at `/api/cases` beside the case routes: an agent's message to the customer (emailed). */
export function caseMessageRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post(
    '/:ref/messages',
    requireRole('agent'),
    validated({ params: caseRefParamsSchema, body: caseMessageSchema }, async ({ params, body }, req, res) => {
      const user = req.auth?.user;
      if (!user) throw new Unauthenticated();
      res.status(201).json(await addCaseMessage(ctx, params.ref, body.text, { id: user.id, role: user.role }));
    }),
  );
  return router;
}

/** Every request to a case link counts against its address, like survey submissions. */
function caseLinkRateLimit(ctx: AppContext): RequestHandler {
  const rule = { name: 'case-link-ip', limit: ctx.config.CASE_LINK_RATE_PER_IP, windowSeconds: 60 };
  return async (req, _res, next) => {
    const wait = req.ip ? await hitRateLimits(ctx.redis, ctx.config.QUEUE_PREFIX, [{ rule, subject: addressKey(req.ip) }]) : 0;
    if (wait > 0) throw new TooManyRequests(wait, 'Too many requests from this address; please try again in a moment.');
    next();
  };
}

/**
 * `/api/public/cases/:token`, no login: the customer reads the conversation, replies, and answers "was
 * this resolved?". The signed token is the only credential; nothing is stored for a refused one.
 */
export function publicCaseRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(caseLinkRateLimit(ctx));
  router.get(
    '/:token',
    validated({ params: caseLinkParamsSchema }, async ({ params }, _req, res) => {
      res.set('Cache-Control', 'no-store').json(await readCustomerCase(ctx, params.token));
    }),
  );
  router.post(
    '/:token/replies',
    validated({ params: caseLinkParamsSchema, body: customerReplySchema }, async ({ params, body }, _req, res) => {
      res.status(201).json(await addCustomerReply(ctx, params.token, body));
    }),
  );
  router.post(
    '/:token/resolution-feedback',
    validated({ params: caseLinkParamsSchema, body: resolutionFeedbackSchema }, async ({ params, body }, _req, res) => {
      res.status(201).json(await answerResolution(ctx, params.token, body));
    }),
  );
  return router;
}

/**
 * `/c/:token`: the customer's case page (client/case.html). A link that is forged or ran out gets a
 * small server-written page with 403 or 410 instead, so it says so even without the client.
 */
export function casePageRoutes(ctx: AppContext): Router {
  const router = Router();
  // Read once; null when the client is not built (API-only deployments and tests), then a 404.
  let template: Promise<string | null> | null = null;
  router.use(caseLinkRateLimit(ctx));
  router.get('/:token', async (req, res) => {
    const check = verifyCaseLinkToken(ctx, req.params.token, new Date());
    if (!check.ok) {
      const locale = pageLocaleOf(req);
      const t = SERVER_TEXT[locale].caseLinkPage;
      const [status, title, text] = check.reason === 'expired' ? [410, t.expiredTitle, t.expired] : [403, t.invalidTitle, t.invalid];
      return sendPlainPage(res, status, locale, title, `<p>${escapeHtml(text)}</p>`);
    }
    template ??= fs.readFile(path.join(ctx.config.clientDist, 'case.html'), 'utf8').catch(() => null);
    const html = await template;
    if (html === null) throw new NotFound('The customer case page is not built.');
    res.set('Cache-Control', 'no-store').set('Referrer-Policy', 'no-referrer').type('html').send(html);
  });
  return router;
}
