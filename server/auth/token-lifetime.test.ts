import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiTokenExpiry, lastUsedBefore, lastUsedWriteDue, LAST_USED_RESOLUTION_MS } from './token-lifetime';

const now = new Date('2026-03-01T12:00:00Z');

describe('apiTokenExpiry', () => {
  it('defaults to the maximum lifetime', () => {
    expect(apiTokenExpiry(now, undefined, 90)?.toISOString()).toBe('2026-05-30T12:00:00.000Z');
  });

  it('takes a shorter requested lifetime and refuses a longer one', () => {
    expect(apiTokenExpiry(now, 1, 90)?.toISOString()).toBe('2026-03-02T12:00:00.000Z');
    expect(apiTokenExpiry(now, 90, 90)).not.toBeNull();
    expect(apiTokenExpiry(now, 91, 90)).toBeNull();
  });

  it('never lets a token outlive the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3650 }), fc.option(fc.integer({ min: 1, max: 3650 }), { nil: undefined }), (max, days) => {
        const expiry = apiTokenExpiry(now, days, max);
        if (expiry) expect(expiry.getTime() - now.getTime()).toBeLessThanOrEqual(max * 86_400_000);
        else expect(days).toBeGreaterThan(max);
      }),
    );
  });
});

describe('lastUsedWriteDue', () => {
  it('writes a first use, then not again within the resolution', () => {
    expect(lastUsedWriteDue(null, now)).toBe(true);
    expect(lastUsedWriteDue(undefined, now)).toBe(true);
    expect(lastUsedWriteDue(new Date(now.getTime() - LAST_USED_RESOLUTION_MS + 1), now)).toBe(false);
    expect(lastUsedWriteDue(new Date(now.getTime() - LAST_USED_RESOLUTION_MS), now)).toBe(true);
  });

  it('agrees with the condition the write itself carries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10 * LAST_USED_RESOLUTION_MS, max: 10 * LAST_USED_RESOLUTION_MS }), (ago) => {
        const lastUsedAt = new Date(now.getTime() - ago);
        expect(lastUsedWriteDue(lastUsedAt, now)).toBe(lastUsedAt.getTime() <= lastUsedBefore(now).getTime());
      }),
    );
  });
});
