import { createHmac } from 'node:crypto';
import type { Types } from 'mongoose';
import type { AppContext } from '../app-context';

/**
 * The personal-link token of one recipient: an HMAC of the recipient id under a key derived from the
 * session secret. Only its hash is stored (as every response token's), yet the invitation and each
 * reminder carry the same single-use link, without the token ever being kept in the database or Redis.
 */
export function personalToken(ctx: Pick<AppContext, 'auth'>, recipientId: Types.ObjectId | string): string {
  return createHmac('sha256', ctx.auth.derivedKey('distribution-personal-link')).update(String(recipientId)).digest('base64url');
}

export function personalLink(ctx: Pick<AppContext, 'publicUrl'>, slug: string, token: string): string {
  return `${ctx.publicUrl.replace(/\/+$/, '')}/s/${encodeURIComponent(slug)}?t=${token}`;
}
