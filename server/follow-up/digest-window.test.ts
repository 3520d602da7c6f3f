import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestWindowOf } from './digest-window';

describe('digestWindowOf', () => {
  it('puts a moment in the aligned window that contains it', () => {
    const window = digestWindowOf(new Date('2026-12-04T06:14:59.999Z'), 15 * 60_000);
    expect(window).toEqual({ start: new Date('2026-12-04T06:00:00.000Z'), end: new Date('2026-12-04T06:15:00.000Z') });
    expect(digestWindowOf(new Date('2026-12-04T06:15:00.000Z'), 15 * 60_000).start).toEqual(new Date('2026-12-04T06:15:00.000Z'));
  });

  it('always contains now, spans exactly the window, and agrees for every moment inside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.integer({ min: 1000, max: 24 * 3600_000 }), (t, windowMs) => {
        const window = digestWindowOf(new Date(t), windowMs);
        expect(window.start.getTime()).toBeLessThanOrEqual(t);
        expect(window.end.getTime()).toBeGreaterThan(t);
        expect(window.end.getTime() - window.start.getTime()).toBe(windowMs);
        expect(digestWindowOf(window.start, windowMs)).toEqual(window);
        expect(digestWindowOf(new Date(window.end.getTime() - 1), windowMs)).toEqual(window);
      }),
    );
  });

  it('refuses a window that is not a positive whole number of ms', () => {
    expect(() => digestWindowOf(new Date(), 0)).toThrow(RangeError);
    expect(() => digestWindowOf(new Date(), 1.5)).toThrow(RangeError);
  });
});
