import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR, intlOffsetMs, offsetSegments, wallClockMs, zoneOffsetMs } from './zone-offset';

const at = (iso: string) => new Date(iso).getTime();

describe('zone offsets from Intl', () => {
  it('reads a zone without DST (Asia/Shanghai is +8 all year)', () => {
    expect(zoneOffsetMs('Asia/Shanghai', at('2025-01-15T12:00:00Z'))).toBe(8 * HOUR);
    expect(zoneOffsetMs('Asia/Shanghai', at('2025-07-15T12:00:00Z'))).toBe(8 * HOUR);
    expect(offsetSegments('Asia/Shanghai', at('2024-06-01T00:00:00Z'), at('2026-06-01T00:00:00Z'))).toEqual([
      { start: at('2024-06-01T00:00:00Z'), end: at('2026-06-01T00:00:00Z'), offset: 8 * HOUR },
    ]);
  });

  it('finds the London transitions to the second (01:00 UTC on the last Sundays of March and October)', () => {
    expect(zoneOffsetMs('Europe/London', at('2025-03-30T00:59:59Z'))).toBe(0);
    expect(zoneOffsetMs('Europe/London', at('2025-03-30T01:00:00Z'))).toBe(HOUR);
    expect(zoneOffsetMs('Europe/London', at('2025-10-26T00:59:59Z'))).toBe(HOUR);
    expect(zoneOffsetMs('Europe/London', at('2025-10-26T01:00:00Z'))).toBe(0);
  });

  it('splits a stretch of New York time at both 2025 transitions', () => {
    expect(offsetSegments('America/New_York', at('2025-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'))).toEqual([
      { start: at('2025-01-01T00:00:00Z'), end: at('2025-03-09T07:00:00Z'), offset: -5 * HOUR },
      { start: at('2025-03-09T07:00:00Z'), end: at('2025-11-02T06:00:00Z'), offset: -4 * HOUR },
      { start: at('2025-11-02T06:00:00Z'), end: at('2026-01-01T00:00:00Z'), offset: -5 * HOUR },
    ]);
  });

  it('gives the wall clock as ms of a UTC-read date', () => {
    expect(new Date(wallClockMs('America/New_York', at('2025-07-04T16:30:00Z'))).toISOString()).toBe('2025-07-04T12:30:00.000Z');
  });

  it('refuses instants outside the supported years', () => {
    expect(() => zoneOffsetMs('UTC', at('2400-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => zoneOffsetMs('UTC', Number.NaN)).toThrow(RangeError);
  });

  it('agrees with Intl at any instant (cached transitions are exact)', () => {
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Africa/Casablanca'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: at('2015-01-01T00:00:00Z') / 1000, max: at('2030-01-01T00:00:00Z') / 1000 }), (zone, seconds) => {
        expect(zoneOffsetMs(zone, seconds * 1000)).toBe(intlOffsetMs(zone, seconds * 1000));
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});
