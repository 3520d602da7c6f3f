import { Router, type Response } from 'express';
import { createTokenInputSchema, createUserInputSchema, loginInputSchema } from '@shared/auth/auth.schema';
import type { AppContext } from '../app-context';
import { TooManyRequests, Unauthenticated } from '../lib/errors';
import { FailureLimiter } from '../lib/rate-limit';
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
  const prefix = ctx.config.QUEUE_PREFIX;
  // Failed attempts only: per account from one address, and a looser bound per address across accounts.
  const perAccount = new FailureLimiter(ctx.redis, prefix, { name: 'login-account', limit: ctx.config.LOGIN_MAX_ATTEMPTS, windowSeconds: FIFTEEN_MINUTES });
  const perAddress = new FailureLimiter(ctx.redis, prefix, { name: 'login-ip', limit: ctx.config.LOGIN_MAX_ATTEMPTS * 5, windowSeconds: FIFTEEN_MINUTES });
  router.post(
    '/login',
    (req, _res, next) => {
      requireCsrfHeader(req);
      next();
    },
    validated({ body: loginInputSchema }, async ({ body }, req, res) => {
      // Each limit with the subject it counts: the address, and the account as tried from that address.
      const limits = [
        [perAddress, `${req.ip}`],
        [perAccount, `${req.ip}|${body.email}`],
      ] as const;
      const wait = Math.max(...(await Promise.all(limits.map(([limiter, subject]) => limiter.retryAfter(subject)))));
      if (wait > 0) throw new TooManyRequests(wait, 'Too many failed sign-in attempts; try again later.');
      try {
        const { user, session, expiresAt } = await ctx.auth.login(body.email, body.password);
        sessionCookie(res, ctx, session, expiresAt.getTime() - Date.now());
        res.json({ user });
      } catch (error) {
        if (error instanceof Unauthenticated) await Promise.all(limits.map(([limiter, subject]) => limiter.recordFailure(subject)));
        throw error;
      }
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
