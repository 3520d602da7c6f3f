import type { AppContext } from '../../app-context';
import { textMac, textMacMatches } from '../../lib/signed-text';

const DAY_MS = 24 * 3600 * 1000;
const TOKEN = /^(\d{1,12})-(\d{1,6})-(\d{1,12})\.([A-Za-z0-9_-]{22})$/;

/** What a valid case link grants: its case, the resolution cycle it was sent in, and until when. */
export interface CaseLink {
  number: number;
  cycle: number;
  expiresAt: Date;
}

/** A link that does not verify (403) or has run out (410): the page and the API tell them apart. */
export type CaseLinkCheck = { ok: true; link: CaseLink } | { ok: false; reason: 'forged' | 'expired' };

type Keyed = Pick<AppContext, 'auth'>;

const keyOf = (ctx: Keyed) => ctx.auth.derivedKey('case-customer-link');
const messageOf = (number: number, cycle: number, expires: number) => `case-link/${number}/${cycle}/${expires}`;

/**
 * `<number>-<cycle>-<expiry>.<MAC>`: signed and stateless like the unsubscribe token, but with an expiry
 * inside the signature (a forwarded email should not open the case for ever). The expiry is whole
 * seconds so the token stays short.
 */
export function caseLinkToken(ctx: Keyed, number: number, cycle: number, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${number}-${cycle}-${expires}.${textMac(keyOf(ctx), messageOf(number, cycle, expires))}`;
}

/** Whether `token` is a link this server signed, and still valid at `now`. */
export function verifyCaseLinkToken(ctx: Keyed, token: string, now: Date): CaseLinkCheck {
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: 'forged' };
  const [, n, c, e, mac] = match as unknown as [string, string, string, string, string];
  const [number, cycle, expires] = [Number(n), Number(c), Number(e)];
  // Checked before the expiry, so an expired-looking forgery is still a forgery (403, not 410).
  if (!textMacMatches(keyOf(ctx), messageOf(number, cycle, expires), mac)) return { ok: false, reason: 'forged' };
  if (expires * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, link: { number, cycle, expiresAt: new Date(expires * 1000) } };
}

/** The customer page of a case, as linked from its emails: valid for `ttlDays` from `now`. */
export function caseLinkUrl(ctx: Keyed & Pick<AppContext, 'publicUrl'>, number: number, cycle: number, ttlDays: number, now: Date): string {
  return `${ctx.publicUrl.replace(/\/+$/, '')}/c/${caseLinkToken(ctx, number, cycle, new Date(now.getTime() + ttlDays * DAY_MS))}`;
}
