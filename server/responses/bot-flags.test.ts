import { describe, expect, it } from 'vitest';
import { botFlags } from './bot-flags';

describe('botFlags', () => {
  it('passes a person who took their time and left the honeypot empty', () => {
    expect(botFlags({ honeypot: '', elapsedMs: 12_000 }, 2000)).toEqual([]);
    expect(botFlags({ honeypot: '   ', elapsedMs: 2000 }, 2000)).toEqual([]);
    expect(botFlags({ elapsedMs: 5000 }, 2000)).toEqual([]);
  });

  it('flags a filled honeypot and a fill time under the minimum', () => {
    expect(botFlags({ honeypot: 'http://spam.example', elapsedMs: 12_000 }, 2000)).toEqual(['honeypot']);
    expect(botFlags({ elapsedMs: 1999 }, 2000)).toEqual(['too-fast']);
    expect(botFlags({ honeypot: 'x', elapsedMs: 0 }, 2000)).toEqual(['honeypot', 'too-fast']);
  });
});
