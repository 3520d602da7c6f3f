import { Router, type RequestHandler } from 'express';
import { isTokenOnlyRole } from '@shared/auth/auth.schema';
import { Forbidden } from '../lib/errors';

/**
 * What an `integration` token may reach under `/api` (paths relative to it): submit responses and read
 * surveys. Listed here rather than on each route, so a route added later is refused to it by default;
 * each route still checks its own role as for everyone else.
 */
const INTEGRATION_ROUTES = {
  // `/surveys/:id` would match the templates too; they are named so the list says what it allows.
  get: ['/surveys', '/surveys/templates', '/surveys/:id', '/surveys/:id/versions/:n'],
  post: ['/responses', '/responses/import'],
} as const;

/**
 * Mounted on `/api` right after authentication: a token-only role (`integration`) passes on the routes
 * above and gets 403 on every other; people's roles pass untouched. Sessions of a token-only role are
 * refused too (sign-in refuses them, so one exists only if a role changed under it).
 */
export function roleScope(): Router {
  const router = Router();
  const leaveScope: RequestHandler = (_req, _res, next) => next('router');
  router.get([...INTEGRATION_ROUTES.get], refuseSessions, leaveScope);
  router.post([...INTEGRATION_ROUTES.post], refuseSessions, leaveScope);
  router.use(refuseSessions, (req, _res, next) => {
    const role = req.auth?.user.role;
    if (role && isTokenOnlyRole(role)) throw new Forbidden(`The ${role} role may only submit responses and read surveys.`);
    next();
  });
  return router;
}

const refuseSessions: RequestHandler = (req, _res, next) => {
  const role = req.auth?.user.role;
  if (role && req.auth?.via === 'session' && isTokenOnlyRole(role)) throw new Forbidden(`The ${role} role acts through API tokens only.`);
  next();
};
