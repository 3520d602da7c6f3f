import { Router } from 'express';
import { z } from 'zod';
import { createTokenInputSchema, isTokenOnlyRole } from '@shared/auth/auth.schema';
import { objectIdSchema } from '@shared/http/object-id.schema';
import type { AppContext } from '../app-context';
import { Conflict, NotFound } from '../lib/errors';
import { validated } from '../lib/validate';
import { requireRole } from './auth.middleware';
import { toUser } from './auth.service';
import { UserModel } from './user.model';

const userIdParamsSchema = z.object({ id: objectIdSchema });

/**
 * `POST /api/users/:id/tokens` (admin): an API token for a token-only user (an `integration` account),
 * which cannot sign in to make its own. People's accounts are refused: an admin must not hold a
 * credential that acts as another person.
 */
export function integrationTokenRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post(
    '/:id/tokens',
    requireRole('admin'),
    validated({ params: userIdParamsSchema, body: createTokenInputSchema }, async ({ params, body }, _req, res) => {
      const doc = await UserModel.findById(params.id);
      if (!doc) throw new NotFound('There is no such user.');
      const user = toUser(doc);
      if (!isTokenOnlyRole(user.role)) throw new Conflict(`Only token-only accounts get tokens from an admin; ${user.email} is ${user.role} and makes their own.`, 'not-token-only');
      res.status(201).json(await ctx.auth.createApiToken(user.id, body));
    }),
  );
  return router;
}
