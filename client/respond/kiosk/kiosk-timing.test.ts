import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idleCheck, kioskTimings } from './kiosk-timing';

describe('kiosk timing', () => {
  it('turns the device settings into milliseconds', () => {
    expect(kioskTimings({ thankYouSeconds: 6, idleSeconds: 90 })).toEqual({ thankYouMs: 6_000, idleMs: 90_000 });
  });

  it('never clears a survey nobody has touched', () => {
    expect(idleCheck(10_000_000, null, 1_000)).toEqual({ reset: false, nextCheckMs: 1_000 });
  });

  it('clears exactly when the idle time has passed since the last activity', () => {
    expect(idleCheck(5_000 + 2_999, 5_000, 3_000)).toEqual({ reset: false, nextCheckMs: 1 });
    expect(idleCheck(5_000 + 3_000, 5_000, 3_000).reset).toBe(true);
  });

  it('looks again no later than the idle deadline and never more than a second away', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 3.6e6 }), (last, since, idleMs) => {
        const now = last + since;
        const check = idleCheck(now, last, idleMs);
        expect(check.reset).toBe(since >= idleMs);
        expect(check.nextCheckMs).toBeGreaterThan(0);
        expect(check.nextCheckMs).toBeLessThanOrEqual(1_000);
        if (!check.reset) expect(now + check.nextCheckMs).toBeLessThanOrEqual(last + idleMs);
      }),
    );
  });
});
