import { Router } from 'express';
import type { AppContext } from '../app-context';
import { identify } from '../auth/auth.middleware';
import { pingDatabase } from '../lib/db';
import { pingRedis } from '../lib/redis';

type Status = { status: 'up' | 'down'; embedded: boolean; error?: string };

async function probe(check: () => Promise<unknown>, embedded: boolean, timeoutMs = 3_000): Promise<Status> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up', embedded };
  } catch (error) {
    return { status: 'down', embedded, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The SMTP check, at most once per `maxAgeMs` (concurrent callers share one check in flight); `fresh`
 * forces a new one. Database and Redis checks are cheap pings and run on every call.
 */
export function cachedProbe(check: () => Promise<Status>, maxAgeMs: number, now: () => number = Date.now) {
  let last: { at: number; result: Promise<Status> } | null = null;
  return (fresh = false): Promise<Status> => {
    if (!last || fresh || now() - last.at >= maxAgeMs) last = { at: now(), result: check() };
    return last.result;
  };
}

/**
 * `GET /api/health`: 200 when the database and Redis answer (mail down only degrades), else 503. Anyone
 * (a load balancer) gets the overall status; signed-in staff also get each service's state and error,
 * and may ask for a fresh mail check with `?deep=true`.
 */
export function healthRoutes(ctx: AppContext): Router {
  const router = Router();
  const mailProbe = cachedProbe(() => probe(() => ctx.mailer.verify(), ctx.services.embedded.mail), ctx.config.HEALTH_MAIL_PROBE_MS);
  router.get('/', async (req, res) => {
    // A user who must still change a generated password counts as anyone, like everywhere else.
    const user = (await identify(ctx.auth, req)).auth?.user;
    const staff = user !== undefined && !user.mustChangePassword;
    const [database, redis, mail] = await Promise.all([
      probe(pingDatabase, ctx.services.embedded.database),
      probe(() => pingRedis(ctx.redis), ctx.services.embedded.redis),
      mailProbe(staff && req.query.deep === 'true'),
    ]);
    const critical = database.status === 'up' && redis.status === 'up';
    const status = critical ? (mail.status === 'up' ? 'ok' : 'degraded') : 'down';
    res.status(critical ? 200 : 503).json(staff ? { status, services: { database, redis, mail } } : { status });
  });
  return router;
}
