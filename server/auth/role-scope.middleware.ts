import { Router, type RequestHandler } from 'express';
import { isTokenOnlyRole, type Role } from '@shared/auth/auth.schema';
import { Forbidden } from '../lib/errors';

type Method = 'get' | 'post';

interface Scope {
  /** Routes the role may reach under `/api` (Express paths relative to it, each one a served route), by method. */
  routes?: Partial<Record<Method, readonly string[]>>;
  /** Whole subtrees under `/api` the role may reach, with every method or only those named. */
  subtrees?: readonly { path: string; methods?: readonly string[] }[];
  /** The 403's words for everything else. */
  refusal: string;
}

/**
 * Roles kept to a short list of routes. Listed here, once, rather than on each route: most staff read
 * routes are open to every staff role, and a route added later is refused to these roles by default.
 * Each route still checks its own role as for everyone else.
 */
const SCOPES: Partial<Record<Role, Scope>> = {
  // Submit responses and read surveys. `/surveys/:id` would match the templates too; they are named so
  // the list says what it allows.
  integration: {
    routes: { get: ['/surveys', '/surveys/templates', '/surveys/:id', '/surveys/:id/versions/:n'], post: ['/responses', '/responses/import'] },
    refusal: 'The integration role may only submit responses and read surveys.',
  },
  // One's own sign-in, the cases of one's teams, touchpoint names to label them, and the categories to file them under.
  agent: {
    subtrees: [{ path: '/auth' }, { path: '/cases' }, { path: '/touchpoints', methods: ['GET', 'HEAD'] }, { path: '/case-admin/categories', methods: ['GET', 'HEAD'] }],
    refusal: 'Agents work cases only; this needs another role.',
  },
};

/**
 * Mounted on `/api` right after authentication: a scoped role passes on its routes and gets 403 on every
 * other; other roles pass untouched. Sessions of a token-only role are refused too (sign-in refuses them,
 * so one exists only if a role changed under it).
 */
export function roleScope(): Router {
  const router = Router();
  router.use(refuseSessions);
  for (const [role, scope] of Object.entries(SCOPES)) router.use(scopeOf(role as Role, scope));
  return router;
}

function scopeOf(role: Role, scope: Scope): Router {
  const router = Router();
  const leaveScope: RequestHandler = (_req, _res, next) => next('router');
  router.use((req, _res, next) => next(req.auth?.user.role === role ? undefined : 'router'));
  for (const [method, paths] of Object.entries(scope.routes ?? {}) as [Method, readonly string[]][]) router[method]([...paths], leaveScope);
  // Mounted with `use`, not as routes: they match a whole subtree and are not served routes themselves.
  for (const { path, methods } of scope.subtrees ?? []) router.use(path, (req, _res, next) => next(!methods || methods.includes(req.method) ? 'router' : undefined));
  router.use(() => {
    throw new Forbidden(scope.refusal);
  });
  return router;
}

const refuseSessions: RequestHandler = (req, _res, next) => {
  const role = req.auth?.user.role;
  if (role && req.auth?.via === 'session' && isTokenOnlyRole(role)) throw new Forbidden(`The ${role} role acts through API tokens only.`);
  next();
};

/**
 * For the few staff routes mounted outside `/api`'s scope (one's own account, the API reference page):
 * token-only roles have no account to manage and no use for the reference page, so they get 403 there too.
 */
export const refuseTokenOnlyRoles: RequestHandler = (req, _res, next) => {
  const role = req.auth?.user.role;
  if (role && isTokenOnlyRole(role)) throw new Forbidden(`The ${role} role may only submit responses and read surveys.`);
  next();
};
