import type { Types } from 'mongoose';
import type { AppContext } from '../app-context';
import { textMac, textMacMatches } from '../lib/signed-text';

const TOKEN = /^([0-9a-f]{24})\.([A-Za-z0-9_-]{22})$/;

function keyOf(ctx: Pick<AppContext, 'auth'>): Buffer {
  return ctx.auth.derivedKey('unsubscribe');
}

function messageOf(contactId: string): string {
  return `unsubscribe/${contactId}`;
}

/**
 * `<contactId>.<mac>`: a signed, stateless token, so a link works without a lookup and never expires
 * (RFC 8058 asks that one-click links keep working), and no one can unsubscribe a contact they do not
 * hold a link for.
 */
export function unsubscribeToken(ctx: Pick<AppContext, 'auth'>, contactId: Types.ObjectId | string): string {
  const id = String(contactId).toLowerCase();
  return `${id}.${textMac(keyOf(ctx), messageOf(id))}`;
}

/** The contact id a token was signed for, or null when it is malformed or forged. */
export function verifyUnsubscribeToken(ctx: Pick<AppContext, 'auth'>, token: string): string | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, id, mac] = match as unknown as [string, string, string];
  return textMacMatches(keyOf(ctx), messageOf(id), mac) ? id : null;
}

/** The one-click unsubscribe page of a contact; also the RFC 8058 POST target. */
export function unsubscribeUrl(ctx: Pick<AppContext, 'auth' | 'publicUrl'>, contactId: Types.ObjectId | string): string {
  return `${ctx.publicUrl.replace(/\/+$/, '')}/u/${unsubscribeToken(ctx, contactId)}`;
}

/** RFC 2369 + RFC 8058 headers for a contact's `unsubscribeUrl`: mail clients show an "unsubscribe" button that POSTs to it. */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${url}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
