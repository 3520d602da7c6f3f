import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type RequestHandler } from 'express';
import type { AppContext } from '../app-context';
import { requireAuth, requireRole } from '../auth/auth.middleware';
import { HttpError } from '../lib/errors';
import { JOB_DEFINITIONS } from '../jobs';

/** Where admins find the queue board (outside /api: it is a page with its own API beneath it). */
export const QUEUE_BOARD_PATH = '/ops/queues';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The board's own page cannot send our CSRF header, so its writes (retry, clean, remove) are held to
 * the same origin by the headers a browser sets and a page cannot forge: `Sec-Fetch-Site`, else `Origin`.
 */
export const requireSameOrigin: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  const ownOrigin = `${req.protocol}://${req.get('host')}`;
  if (site === 'same-origin' || (site === undefined && origin === ownOrigin)) return next();
  throw new HttpError(403, 'csrf', 'Cross-site request refused', 'Queue board actions must come from the board page itself.');
};

/**
 * The queue board (bull-board) for admins: waiting, delayed and failed jobs of every queue the
 * platform declares, with retry and clean. Signed-in admins only; writes same-origin only.
 */
export function queueBoardRoutes(ctx: AppContext): express.Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: JOB_DEFINITIONS.map((definition) => new BullMQAdapter(ctx.queues.queue(definition))),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Touchpoint queues' } },
  });
  const router = express.Router();
  router.use(requireAuth(ctx.auth, { csrf: 'same-origin' }), requireRole('admin'), requireSameOrigin);
  router.use(adapter.getRouter() as express.Router);
  return router;
}
