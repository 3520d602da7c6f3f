import { describe, expect, it } from 'vitest';
import { AuthService } from '../../auth/auth.service';
import { caseLinkToken, caseLinkUrl, verifyCaseLinkToken } from './case-link';

const ctx = { auth: new AuthService('a'.repeat(32), 60), publicUrl: 'https://tp.example/' };
const other = { auth: new AuthService('b'.repeat(32), 60) };
const now = new Date('2026-03-01T10:00:00Z');
const later = new Date('2026-03-31T10:00:00Z');

describe('case links', () => {
  it('verify as the case and cycle they were signed for, until they expire', () => {
    const token = caseLinkToken(ctx, 42, 3, later);
    expect(verifyCaseLinkToken(ctx, token, now)).toEqual({ ok: true, link: { number: 42, cycle: 3, expiresAt: later } });
    expect(verifyCaseLinkToken(ctx, token, later)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse any change to the case, cycle, expiry or MAC, and another secret', () => {
    const token = caseLinkToken(ctx, 42, 3, later);
    const [head, mac] = token.split('.') as [string, string];
    const [, , expires] = head.split('-');
    for (const forged of [`43-3-${expires}.${mac}`, `42-4-${expires}.${mac}`, `42-3-${Number(expires) + 1}.${mac}`, `${head}.${mac.slice(0, -1)}A`, `${head}.x`, ''])
      expect(verifyCaseLinkToken(ctx, forged, now), forged).toEqual({ ok: false, reason: 'forged' });
    expect(verifyCaseLinkToken(other, token, now)).toEqual({ ok: false, reason: 'forged' });
  });

  it('a forged token that looks expired is forged (403), not expired (410)', () => {
    const [, mac] = caseLinkToken(ctx, 42, 3, later).split('.');
    expect(verifyCaseLinkToken(ctx, `42-3-1.${mac}`, now)).toEqual({ ok: false, reason: 'forged' });
  });

  it('the URL lives under /c/ of the public address and expires ttl days on', () => {
    const url = caseLinkUrl(ctx, 7, 0, 30, now);
    expect(url).toMatch(/^https:\/\/tp\.example\/c\/7-0-\d+\.[A-Za-z0-9_-]{22}$/);
    const check = verifyCaseLinkToken(ctx, url.split('/c/')[1]!, now);
    expect(check.ok && check.link.expiresAt.toISOString()).toBe('2026-03-31T10:00:00.000Z');
  });
});
