import { Router } from 'express';
import { followUpRuleSchema } from '@shared/follow-up/follow-up-rule.schema';
import { responseIdParamsSchema } from '@shared/responses/response-list.schema';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { getFollowUpRule, setFollowUpRule } from './follow-up-rule.service';
import { markFollowUpDone } from './follow-up.service';

/** Mounted at `/api`: a survey's follow-up rule (admins and designers) and closing a follow-up (any staff). */
export function followUpRoutes(): Router {
  const router = Router();
  router.get(
    '/surveys/:id/follow-up-rule',
    requireRole('admin', 'designer'),
    validated({ params: responseIdParamsSchema }, async ({ params }, _req, res) => {
      res.json(await getFollowUpRule(params.id));
    }),
  );
  router.put(
    '/surveys/:id/follow-up-rule',
    requireRole('admin', 'designer'),
    validated({ params: responseIdParamsSchema, body: followUpRuleSchema }, async ({ params, body }, _req, res) => {
      res.json(await setFollowUpRule(params.id, body));
    }),
  );
  router.post(
    '/responses/:id/follow-up/done',
    validated({ params: responseIdParamsSchema }, async ({ params }, req, res) => {
      res.json(await markFollowUpDone(params.id, req.auth?.user.id ?? null));
    }),
  );
  return router;
}
