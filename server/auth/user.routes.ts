import { Router } from 'express';
import { createUserInputSchema } from '@shared/auth/auth.schema';
import { idParamsSchema, resetPasswordInputSchema, updateUserInputSchema } from '@shared/auth/credentials.schema';
import type { AppContext } from '../app-context';
import { validated } from '../lib/validate';
import { requireRole } from './auth.middleware';
import { resetPassword, updateUser } from './user-admin.service';

/** Staff user administration (admins): list, create, change role, disable/enable, reset password. */
export function userRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(requireRole('admin'));
  router.get('/', async (_req, res) => {
    res.json({ users: await ctx.auth.listUsers() });
  });
  router.post(
    '/',
    validated({ body: createUserInputSchema }, async ({ body }, _req, res) => {
      res.status(201).json({ user: await ctx.auth.createUser(body) });
    }),
  );
  router.patch(
    '/:id',
    validated({ params: idParamsSchema, body: updateUserInputSchema }, async ({ params, body }, _req, res) => {
      res.json({ user: await updateUser(ctx.auth, params.id, body) });
    }),
  );
  router.post(
    '/:id/password',
    validated({ params: idParamsSchema, body: resetPasswordInputSchema }, async ({ params, body }, _req, res) => {
      res.json({ user: await resetPassword(ctx.auth, params.id, body) });
    }),
  );
  return router;
}
