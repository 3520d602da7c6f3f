import { Router } from 'express';
import { formatCaseRef } from '@shared/cases/case-api.schema';
import { followUpRuleSchema } from '@shared/follow-up/follow-up-rule.schema';
import { responseIdParamsSchema } from '@shared/responses/response-list.schema';
import { requireRole } from '../auth/auth.middleware';
import { validated } from '../lib/validate';
import { getFollowUpRule, setFollowUpRule } from './follow-up-rule.service';
import { HttpError } from '../lib/errors';
import { followUpCaseOf } from './follow-up-case.service';

/**
 * Mounted at `/api`: a survey's follow-up rule (admins and designers). Closing a follow-up by hand is
 * gone: each match opens a case, and its mark becomes `done` when that case is resolved.
 */
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
    validated({ params: responseIdParamsSchema }, async ({ params }) => {
      const opened = await followUpCaseOf(params.id);
      const ref = opened ? formatCaseRef(opened.number) : null;
      // 410 rather than a silent success: a client that still closes flags must learn where the work went.
      throw new HttpError(
        410,
        'follow-up-is-a-case',
        'Follow-ups are worked as cases',
        ref
          ? `This follow-up is case ${ref}: resolve it with POST /api/cases/${ref}/transitions.`
          : 'Follow-ups are worked as cases; this response has no case (it matched no rule, or its case is not open yet).',
        undefined,
        undefined,
        { case: ref },
      );
    }),
  );
  return router;
}
