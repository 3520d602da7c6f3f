import type { RequestHandler } from 'express';
import { Forbidden } from '../lib/errors';

/**
 * What an agent may reach under /api: its own sign-in, the cases of its teams, and touchpoint names to
 * label them. Most staff read routes (responses, contacts, metrics, surveys) are open to every staff
 * role, so agents are kept to this list here, once, instead of at each of those routes.
 */
const AGENT_PATHS: ReadonlyArray<{ prefix: string; methods?: readonly string[] }> = [
  { prefix: '/auth/' },
  { prefix: '/cases' },
  { prefix: '/touchpoints', methods: ['GET', 'HEAD'] },
];

/** Mounted at `/api` after authentication: 403 for an agent outside AGENT_PATHS. */
export const agentScope: RequestHandler = (req, _res, next) => {
  if (req.auth?.user.role !== 'agent') return next();
  const allowed = AGENT_PATHS.some(
    ({ prefix, methods }) => (req.path === prefix || req.path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) && (!methods || methods.includes(req.method)),
  );
  if (!allowed) throw new Forbidden('Agents work cases only; this needs another role.');
  next();
};
