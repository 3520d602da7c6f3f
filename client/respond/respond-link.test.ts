import { describe, expect, it } from 'vitest';
import { readRespondLink } from './respond-link';

describe('readRespondLink', () => {
  it('reads token, touchpoint and channel', () => {
    expect(readRespondLink('?t=abc&tp=after-sales&ch=phone')).toEqual({ token: 'abc', touchpoint: 'after-sales', channel: 'phone' });
    expect(readRespondLink('')).toEqual({});
  });

  it('passes a staff-made link\'s sig along with its tags, and drops a sig with nothing to sign', () => {
    expect(readRespondLink('?tp=checkout&ch=qr&sig=AbC_-0123456789abcdefg')).toEqual({ touchpoint: 'checkout', channel: 'qr', sig: 'AbC_-0123456789abcdefg' });
    expect(readRespondLink('?sig=AbC_-0123456789abcdefg')).toEqual({});
    expect(readRespondLink('?tp=Bad%20Tag&sig=AbC_-0123456789abcdefg')).toEqual({});
  });

  it('leaves out malformed tags so they cannot block the answers', () => {
    expect(readRespondLink('?tp=After%20Sales&ch=')).toEqual({});
    expect(readRespondLink(`?tp=${'a'.repeat(65)}&ch=-phone`)).toEqual({});
    expect(readRespondLink(`?tp=${'a'.repeat(64)}`)).toEqual({ touchpoint: 'a'.repeat(64) });
  });
});
