import { Router, type RequestHandler } from 'express';
import { submitResponseInputSchema } from '@shared/responses/response-api.schema';
import { listResponsesQuerySchema, responseIdParamsSchema } from '@shared/responses/response-list.schema';
import { publicSlugParamsSchema, surveyIdParamsSchema } from '@shared/surveys/survey-api.schema';
import type { AppContext } from '../app-context';
import type { KioskDeviceDoc } from '../channels/kiosk-device.model';
import { kioskOf, requireKioskSurvey } from '../channels/kiosk-device.service';
import { requireRole } from '../auth/auth.middleware';
import { TooManyRequests } from '../lib/errors';
import { addressKey } from '../lib/client-address';
import { hitRateLimits } from '../lib/rate-limit';
import { validated } from '../lib/validate';
import { csvSink, exportResponsesQuerySchema, exportResponsesXlsxQuerySchema, streamResponses } from './response-export';
import { xlsxSink } from './response-export-xlsx';
import { deleteResponse } from './response-erasure.service';
import { listResponses } from './response-list.service';
import { submitResponse } from './response.service';

const MINUTE = 60;

/**
 * Per-address and per-survey limits on submissions, counted in Redis so every API process shares them.
 * Both are counted in one go; the request waits for the longer of the two when either is passed.
 * A kiosk tablet (valid device credential, for this survey) is exempt from the per-address limit only:
 * a branch's tablets share one address, while the per-survey limit still caps a flood from any source.
 */
function submissionRateLimits(ctx: AppContext): RequestHandler {
  const perIp = { name: 'respond-ip', limit: ctx.config.RESPOND_RATE_PER_IP, windowSeconds: MINUTE };
  const perSurvey = { name: 'respond-survey', limit: ctx.config.RESPOND_RATE_PER_SURVEY, windowSeconds: MINUTE };
  return async (req, res, next) => {
    const slug = publicSlugParamsSchema.safeParse(req.params);
    const kiosk = await kioskOf(req);
    if (kiosk && slug.success) await requireKioskSurvey(kiosk, slug.data.slug);
    res.locals.kiosk = kiosk;
    const perAddress = req.ip && !kiosk ? [{ rule: perIp, subject: addressKey(req.ip) }] : [];
    const hits = [...perAddress, ...(slug.success ? [{ rule: perSurvey, subject: slug.data.slug }] : [])];
    const retryAfter = await hitRateLimits(ctx.redis, ctx.config.QUEUE_PREFIX, hits);
    if (retryAfter > 0) throw new TooManyRequests(retryAfter, 'Too many answers are arriving; please send yours again in a moment.');
    next();
  };
}

/** `/api/public/surveys/:slug/responses`: where a customer's answers arrive, without signing in. */
export function publicResponseRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post(
    '/:slug/responses',
    submissionRateLimits(ctx),
    validated({ params: publicSlugParamsSchema, body: submitResponseInputSchema }, async ({ params, body }, req, res) => {
      const kiosk = res.locals.kiosk as KioskDeviceDoc | null;
      const result = await submitResponse(params.slug, body, {
        ...(kiosk ? { deviceTags: { touchpoint: kiosk.touchpoint, channel: kiosk.channel } } : {}), app: ctx, userAgent: req.get('user-agent'), minFillMs: ctx.config.RESPOND_MIN_FILL_MS });
      res.status(result.created ? 201 : 200).json({ id: result.id });
    }),
  );
  return router;
}

/** Staff side, mounted under `/api`: all staff read responses; only admins delete them. */
export function responseRoutes(): Router {
  const router = Router();
  router.get(
    '/surveys/:id/responses',
    validated({ params: surveyIdParamsSchema, query: listResponsesQuerySchema }, async ({ params, query }, _req, res) => {
      res.json(await listResponses(params.id, query));
    }),
  );
  router.get(
    '/surveys/:id/responses.csv',
    validated({ params: surveyIdParamsSchema, query: exportResponsesQuerySchema }, async ({ params, query }, _req, res) => {
      await streamResponses(params.id, query, res, csvSink(res));
    }),
  );
  router.get(
    '/surveys/:id/responses.xlsx',
    validated({ params: surveyIdParamsSchema, query: exportResponsesXlsxQuerySchema }, async ({ params, query }, _req, res) => {
      const { lang, ...range } = query;
      await streamResponses(params.id, range, res, xlsxSink(res, lang));
    }),
  );
  router.delete(
    '/responses/:id',
    requireRole('admin'),
    validated({ params: responseIdParamsSchema }, async ({ params }, _req, res) => {
      await deleteResponse(params.id);
      res.status(204).end();
    }),
  );
  return router;
}
