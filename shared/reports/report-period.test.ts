import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastClosedPeriod, periodFromKey, REPORT_CADENCES } from './report-period';

describe('lastClosedPeriod', () => {
  it('names the previous ISO week, month and quarter', () => {
    const now = new Date('2026-12-04T09:00:00Z'); // a Friday
    expect(lastClosedPeriod('weekly', now)).toEqual({ key: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
    expect(lastClosedPeriod('monthly', now)).toEqual({ key: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(lastClosedPeriod('quarterly', now)).toEqual({ key: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
  });

  it('steps back across the year and uses the ISO week-numbering year', () => {
    const now = new Date('2027-01-01T00:00:00Z'); // a Friday; the week before is 2026-W53
    expect(lastClosedPeriod('weekly', now)).toEqual({ key: '2026-W52', from: '2026-12-21', to: '2026-12-27' });
    expect(lastClosedPeriod('monthly', now)).toEqual({ key: '2026-12', from: '2026-12-01', to: '2026-12-31' });
    expect(lastClosedPeriod('quarterly', now)).toEqual({ key: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(lastClosedPeriod('weekly', new Date('2021-01-04T12:00:00Z'))).toEqual({ key: '2020-W53', from: '2020-12-28', to: '2021-01-03' });
    // A Monday: the week that ended yesterday.
    expect(lastClosedPeriod('weekly', new Date('2026-11-30T00:00:00Z')).to).toBe('2026-11-29');
  });

  it('always ends before today and is the same for every moment of a period', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2001-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), fc.constantFrom(...REPORT_CADENCES), (now, cadence) => {
        const period = lastClosedPeriod(cadence, now);
        const today = now.toISOString().slice(0, 10);
        expect(period.to < today).toBe(true);
        expect(period.from <= period.to).toBe(true);
        // The day after the period ends starts the period that is running at `now`.
        const next = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000);
        expect(lastClosedPeriod(cadence, next)).toEqual(period);
        expect(lastClosedPeriod(cadence, now)).toEqual(lastClosedPeriod(cadence, new Date(Date.parse(`${today}T23:59:59Z`))));
      }),
    );
  });
});

describe('periodFromKey', () => {
  it('reads back every closed period and refuses keys of another cadence or out of range', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2001-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), fc.constantFrom(...REPORT_CADENCES), (now, cadence) => {
        const period = lastClosedPeriod(cadence, now);
        expect(periodFromKey(cadence, period.key)).toEqual(period);
      }),
    );
    expect(periodFromKey('monthly', '2026-W47')).toBeNull();
    expect(periodFromKey('monthly', '2026-13')).toBeNull();
    expect(periodFromKey('weekly', '2026-W54')).toBeNull();
    expect(periodFromKey('weekly', '2025-W53')).toBeNull();
    expect(periodFromKey('quarterly', '2026-Q3')).toEqual({ key: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
  });
});
