import { Router, type Response } from 'express';
import { createTokenInputSchema, createUserInputSchema, loginInputSchema } from '@shared/auth/auth.schema';
import type { AppContext } from '../app-context';
import { addressKey } from '../lib/client-address';
import { TooManyRequests } from '../lib/errors';
import { countHits } from '../lib/rate-limit';
import { validated } from '../lib/validate';
import { requireCsrfHeader, requireRole } from './auth.middleware';
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

/** Routes for a signed-in user (mounted behind requireAuth). */
export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/me', (req, res) => {
    res.json({ user: req.auth?.user });
  });
  router.post('/logout', async (req, res) => {
    if (req.auth?.session) await ctx.auth.logout(req.auth.session);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  router.post(
    '/tokens',
    validated({ body: createTokenInputSchema }, async ({ body }, req, res) => {
      res.status(201).json(await ctx.auth.createApiToken(req.auth!.user.id, body));
    }),
  );
  return router;
}

/** Staff user administration. */
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
  return router;
}
