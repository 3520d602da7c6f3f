import { Router, type RequestHandler } from 'express';
import { complaintInputSchema, complaintParamsSchema } from '@shared/cases/complaint-form.schema';
import type { AppContext } from '../app-context';
import { addressKey } from '../lib/client-address';
import { TooManyRequests } from '../lib/errors';
import { hitRateLimits } from '../lib/rate-limit';
import { validated } from '../lib/validate';
import { complaintForm, fileComplaint } from './complaint-form.service';

const MINUTE = 60;

/** The public response page's limits (per address, per target), counted apart from responses. */
function complaintRateLimits(ctx: AppContext): RequestHandler {
  const perIp = { name: 'complain-ip', limit: ctx.config.RESPOND_RATE_PER_IP, windowSeconds: MINUTE };
  const perTouchpoint = { name: 'complain-touchpoint', limit: ctx.config.RESPOND_RATE_PER_SURVEY, windowSeconds: MINUTE };
  return async (req, _res, next) => {
    const params = complaintParamsSchema.safeParse(req.params);
    const hits = [...(req.ip ? [{ rule: perIp, subject: addressKey(req.ip) }] : []), ...(params.success ? [{ rule: perTouchpoint, subject: params.data.touchpoint }] : [])];
    const retryAfter = await hitRateLimits(ctx.redis, ctx.config.QUEUE_PREFIX, hits);
    if (retryAfter > 0) throw new TooManyRequests(retryAfter, 'Too many complaints are arriving; please send yours again in a moment.');
    next();
  };
}

/** `/api/public/complaints/:touchpoint`: the complaint form of a touchpoint, for customers without signing in. */
export function publicComplaintRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get(
    '/:touchpoint',
    validated({ params: complaintParamsSchema }, async ({ params }, _req, res) => {
      res.json(await complaintForm(params.touchpoint));
    }),
  );
  router.post(
    '/:touchpoint',
    complaintRateLimits(ctx),
    validated({ params: complaintParamsSchema, body: complaintInputSchema }, async ({ params, body }, _req, res) => {
      const filed = await fileComplaint(ctx, params.touchpoint, body);
      res.status(filed.opened ? 201 : 200).json({ case: filed.case });
    }),
  );
  return router;
}
