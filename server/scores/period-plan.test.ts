import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, periodReads, planPeriods } from './period-plan';

describe('planPeriods', () => {
  it('reads every month when the range is open', () => {
    expect(planPeriods(undefined, undefined)).toEqual({ months: {}, days: [] });
  });

  it('reads whole months by month and the ragged ends by day', () => {
    expect(planPeriods('2025-01-15', '2025-04-10')).toEqual({
      months: { $gte: '2025-02', $lte: '2025-03' },
      days: [{ $gte: '2025-01-15', $lte: '2025-01-31' }, { $gte: '2025-04-01', $lte: '2025-04-10' }],
    });
  });

  it('uses no day rollups for a range of whole months, across a year end and a leap February', () => {
    expect(planPeriods('2023-12-01', '2024-02-29')).toEqual({ months: { $gte: '2023-12', $lte: '2024-02' }, days: [] });
  });

  it('reads by day when no whole month is inside', () => {
    expect(planPeriods('2025-03-05', '2025-03-20')).toEqual({ months: null, days: [{ $gte: '2025-03-05', $lte: '2025-03-20' }] });
    expect(planPeriods('2025-03-05', '2025-04-20')).toEqual({ months: null, days: [{ $gte: '2025-03-05', $lte: '2025-04-20' }] });
  });

  it('handles half-open ranges', () => {
    expect(planPeriods('2025-03-05', undefined)).toEqual({ months: { $gte: '2025-04' }, days: [{ $gte: '2025-03-05', $lte: '2025-03-31' }] });
    expect(planPeriods(undefined, '2025-03-05')).toEqual({ months: { $lte: '2025-02' }, days: [{ $gte: '2025-03-01', $lte: '2025-03-05' }] });
  });
});

describe('day arithmetic', () => {
  it('adds days across month and year ends and measures spans', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
  });
});

describe('periodReads', () => {
  it('reads a mostly covered ragged month as the month minus the days outside the range', () => {
    expect(periodReads('2025-01-03', '2025-03-05')).toEqual({
      months: ['2025-01', '2025-02'],
      addDays: ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05'],
      subtractDays: ['2025-01-01', '2025-01-02'],
    });
  });

  it('adds day by day when a ragged part is the smaller half, and lists whole months plainly', () => {
    const reads = periodReads('2025-01-20', '2025-02-28');
    expect(reads.months).toEqual(['2025-02']);
    expect(reads.addDays).toHaveLength(12);
    expect(reads.subtractDays).toEqual([]);
    expect(periodReads('2025-03-05', '2025-03-30')).toMatchObject({ months: ['2025-03'], addDays: [], subtractDays: ['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-31'] });
  });
});
