import { Router, type RequestHandler, type Response } from 'express';
import { createTokenInputSchema, loginInputSchema } from '@shared/auth/auth.schema';
import { changePasswordInputSchema, idParamsSchema, tokenListQuerySchema } from '@shared/auth/credentials.schema';
import type { AppContext } from '../app-context';
import { addressKey } from '../lib/client-address';
import { Forbidden, TooManyRequests } from '../lib/errors';
import { countHits } from '../lib/rate-limit';
import { validated } from '../lib/validate';
import { requireAuth, requireCsrfHeader } from './auth.middleware';
import { refuseTokenOnlyRoles } from './role-scope.middleware';
import { SESSION_COOKIE } from './auth.service';

function sessionCookie(res: Response, ctx: AppContext, value: string, maxAgeMs: number) {
  res.cookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: (ctx.config.PUBLIC_URL ?? '').startsWith('https:'),
    path: '/',
    maxAge: maxAgeMs,
  });
}

const FIFTEEN_MINUTES = 15 * 60;

/** Routes reachable without signing in. */
export function publicAuthRoutes(ctx: AppContext): Router {
  const router = Router();
  const max = ctx.config.LOGIN_MAX_ATTEMPTS;
  // Failed attempts per account from one address; per account from anywhere (many addresses guessing
  // one password), looser so one attacker cannot lock a user out as cheaply; per address across accounts.
  const perAccountFromAddress = { name: 'login-account', limit: max, windowSeconds: FIFTEEN_MINUTES };
  const perAccount = { name: 'login-account-any', limit: max * 3, windowSeconds: FIFTEEN_MINUTES };
  const perAddress = { name: 'login-ip', limit: max * 5, windowSeconds: FIFTEEN_MINUTES };
  router.post(
    '/login',
    (req, _res, next) => {
      requireCsrfHeader(req);
      next();
    },
    validated({ body: loginInputSchema }, async ({ body }, req, res) => {
      const address = addressKey(req.ip);
      const account = body.email.toLowerCase();
      // Counted before the password is checked, atomically, so parallel guesses cannot all pass the
      // check before any failure is recorded; a successful sign-in takes its count back.
      const attempt = await countHits(ctx.redis, ctx.config.QUEUE_PREFIX, [
        { rule: perAddress, subject: address },
        { rule: perAccount, subject: account },
        { rule: perAccountFromAddress, subject: `${address}|${account}` },
      ]);
      if (attempt.wait > 0) throw new TooManyRequests(attempt.wait, 'Too many failed sign-in attempts; try again later.');
      const { user, session, expiresAt } = await ctx.auth.login(body.email, body.password);
      await attempt.undo();
      sessionCookie(res, ctx, session, expiresAt.getTime() - Date.now());
      res.json({ user });
    }),
  );
  return router;
}

/**
 * What a signed-in user may reach even while they must change their password: who am I, sign out, and
 * the change itself. Mounted before the general requireAuth, each route authenticates on its own.
 */
export function accountRoutes(ctx: AppContext): Router {
  const router = Router();
  const signedIn: RequestHandler[] = [requireAuth(ctx.auth, { pendingPasswordChange: 'allow' }), refuseTokenOnlyRoles];
  router.get('/me', ...signedIn, (req, res) => {
    res.json({ user: req.auth?.user });
  });
  router.post('/logout', ...signedIn, async (req, res) => {
    if (req.auth?.session) await ctx.auth.logout(req.auth.session);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  // A stolen session must not become a way to guess the password itself (to reuse it elsewhere):
  // wrong current passwords count like failed sign-ins, per user.
  const passwordChecks = { name: 'password-change', limit: ctx.config.LOGIN_MAX_ATTEMPTS, windowSeconds: FIFTEEN_MINUTES };
  router.post(
    '/password',
    ...signedIn,
    validated({ body: changePasswordInputSchema }, async ({ body }, req, res) => {
      const userId = req.auth!.user.id;
      const attempt = await countHits(ctx.redis, ctx.config.QUEUE_PREFIX, [{ rule: passwordChecks, subject: userId }]);
      if (attempt.wait > 0) throw new TooManyRequests(attempt.wait, 'Too many wrong current passwords; try again later.');
      const user = await ctx.auth.changePassword(userId, req.auth!.session, body);
      await attempt.undo();
      res.json({ user });
    }),
  );
  return router;
}

/** A signed-in user's API tokens (mounted behind requireAuth); admins may list and revoke everyone's. */
export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post(
    '/tokens',
    validated({ body: createTokenInputSchema }, async ({ body }, req, res) => {
      res.status(201).json(await ctx.auth.createApiToken(req.auth!.user.id, body));
    }),
  );
  router.get(
    '/tokens',
    validated({ query: tokenListQuerySchema }, async ({ query }, req, res) => {
      const user = req.auth!.user;
      if (query.scope === 'all' && user.role !== 'admin') throw new Forbidden('Only admins may list everyone\'s tokens.');
      res.json({ tokens: await ctx.auth.listApiTokens(query.scope === 'all' ? null : user.id) });
    }),
  );
  router.delete(
    '/tokens/:id',
    validated({ params: idParamsSchema }, async ({ params }, req, res) => {
      const user = req.auth!.user;
      await ctx.auth.revokeApiToken(params.id, user.role === 'admin' ? null : user.id);
      res.status(204).end();
    }),
  );
  return router;
}
