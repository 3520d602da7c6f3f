import type { Request, RequestHandler } from 'express';
import { CSRF_HEADER, type Role, type User } from '@shared/auth/auth.schema';
import { Forbidden, HttpError, Unauthenticated } from '../lib/errors';
import { AuthService, SESSION_COOKIE } from './auth.service';

export interface AuthContext {
  user: User;
  via: 'session' | 'api-token';
  /** The session secret, kept so logout can end exactly this session. */
  session?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Cookie-authenticated writes must carry the CSRF header: a cross-site form or image cannot set a
 * custom header, and no CORS is allowed, so only our own pages can.
 */
export function requireCsrfHeader(req: Request): void {
  if (!SAFE_METHODS.has(req.method) && req.get(CSRF_HEADER) !== '1') {
    throw new HttpError(403, 'csrf', 'Missing CSRF header', `Send the ${CSRF_HEADER}: 1 header with this request.`);
  }
}

export interface RequireAuthOptions {
  csrf?: 'header' | 'same-origin';
  /** `allow` only for what a user must reach to change a generated or reset password (me, logout, change). */
  pendingPasswordChange?: 'refuse' | 'allow';
}

/**
 * Requires a session cookie or `Authorization: Bearer <token>` and puts the user on `req.auth`.
 * Cookie writes need the CSRF header, unless the caller checks the origin itself (`csrf: 'same-origin'`,
 * for pages we do not write, such as the queue board). A user who must change their password gets
 * 403 `password-change-required` everywhere else.
 */
export function requireAuth(auth: AuthService, options: RequireAuthOptions = {}): RequestHandler {
  const { csrf = 'header', pendingPasswordChange = 'refuse' } = options;
  return async (req, _res, next) => {
    const found = await identify(auth, req);
    if (found.via === 'api-token' && !found.auth) throw new Unauthenticated('The API token is unknown, expired or malformed.');
    if (!found.auth) throw new Unauthenticated(found.via === 'session' ? 'Your session has expired; sign in again.' : undefined);
    if (found.via === 'session' && csrf === 'header') requireCsrfHeader(req);
    if (found.auth.user.mustChangePassword && pendingPasswordChange === 'refuse') {
      throw new HttpError(403, 'password-change-required', 'Password change required', 'Change your password (POST /api/auth/password) before doing anything else.');
    }
    req.auth = found.auth;
    next();
  };
}

/**
 * Who sent the request, if anyone: by `Authorization: Bearer <token>` when the header is there, else by
 * the session cookie. `via` says which credential was offered (none: neither), `auth` whether it holds.
 */
export async function identify(auth: AuthService, req: Request): Promise<{ via: 'api-token' | 'session' | 'none'; auth: AuthContext | null }> {
  const header = req.get('authorization');
  if (header !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const user = token && AuthService.isApiToken(token) ? await auth.authenticate(token, 'api-token') : null;
    return { via: 'api-token', auth: user ? { user, via: 'api-token' } : null };
  }
  const session = readCookie(req, SESSION_COOKIE);
  if (!session) return { via: 'none', auth: null };
  const user = await auth.authenticate(session, 'session');
  return { via: 'session', auth: user ? { user, via: 'session', session } : null };
}

/** 403 unless the signed-in user has one of the roles; admins may do everything. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const role = req.auth?.user.role;
    if (!role) throw new Unauthenticated();
    if (role !== 'admin' && !roles.includes(role)) throw new Forbidden(`This needs the ${roles.join(' or ')} role; you are ${role}.`);
    next();
  };
}
