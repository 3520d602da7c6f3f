import { Router } from 'express';
import type { AppContext } from '../app-context';
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

/** `GET /api/health`: 200 when the database and Redis answer (mail down only degrades), else 503. */
export function healthRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const [database, redis, mail] = await Promise.all([
      probe(pingDatabase, ctx.services.embedded.database),
      probe(() => pingRedis(ctx.redis), ctx.services.embedded.redis),
      probe(() => ctx.mailer.verify(), ctx.services.embedded.mail),
    ]);
    const critical = database.status === 'up' && redis.status === 'up';
    const status = critical ? (mail.status === 'up' ? 'ok' : 'degraded') : 'down';
    res.status(critical ? 200 : 503).json({ status, services: { database, redis, mail } });
  });
  return router;
}
