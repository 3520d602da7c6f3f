import { describe, expect, it } from 'vitest';
import { AuthService } from '../auth/auth.service';
import { surveyLinkSignature, surveyLinkSignatureMatches } from './survey-link';

const ctx = { auth: new AuthService('a-session-secret-of-enough-length-for-tests', 60) };
const other = { auth: new AuthService('another-session-secret-of-enough-length', 60) };

describe('survey link signatures', () => {
  const tags = { touchpoint: 'checkout', channel: 'qr' };
  const sig = surveyLinkSignature(ctx, 'abcDEF12', tags);

  it('accepts the signature of the same survey, touchpoint and channel', () => {
    expect(sig).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(surveyLinkSignatureMatches(ctx, 'abcDEF12', tags, sig)).toBe(true);
  });

  it('refuses it for another touchpoint, channel, survey or secret', () => {
    expect(surveyLinkSignatureMatches(ctx, 'abcDEF12', { ...tags, touchpoint: 'support' }, sig)).toBe(false);
    expect(surveyLinkSignatureMatches(ctx, 'abcDEF12', { ...tags, channel: 'web' }, sig)).toBe(false);
    expect(surveyLinkSignatureMatches(ctx, 'abcDEF12', { touchpoint: 'checkout' }, sig)).toBe(false);
    expect(surveyLinkSignatureMatches(ctx, 'otherSlug', tags, sig)).toBe(false);
    expect(surveyLinkSignatureMatches(other, 'abcDEF12', tags, sig)).toBe(false);
  });

  it('treats an absent tag and a null one alike, but never as an empty string of another tag', () => {
    const onlyChannel = surveyLinkSignature(ctx, 'abcDEF12', { channel: 'qr' });
    expect(surveyLinkSignatureMatches(ctx, 'abcDEF12', { touchpoint: null, channel: 'qr' }, onlyChannel)).toBe(true);
    expect(surveyLinkSignatureMatches(ctx, 'abcDEF12', { touchpoint: 'qr' }, onlyChannel)).toBe(false);
  });

  it('refuses a signature with a different last character (base64url spare bits)', () => {
    const last = sig.at(-1)!;
    const twin = sig.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    expect(surveyLinkSignatureMatches(ctx, 'abcDEF12', tags, twin)).toBe(false);
  });
});
