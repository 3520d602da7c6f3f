import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_WEIGHTS } from './composite-index';
import { trendResponseSchema } from './metrics.schema';
import { responseStats } from './response-stats';
import { emptyStats, mergeAllStats } from './rollup-stats';
import { periodOf, trendFromDailyStats, trendPointFromStats } from './trend';

describe('periodOf', () => {
  it.each([
    ['2021-01-03', '2020-W53'], // Sunday: still the last week of 2020
    ['2021-01-04', '2021-W01'],
    ['2019-12-30', '2020-W01'], // Monday of the week holding 2 January 2020's Thursday
    ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01'],
    ['2025-03-02', '2025-W09'],
  ])('%s is in ISO week %s', (day, week) => {
    expect(periodOf(day, 'week')).toBe(week);
  });

  it('keeps days and cuts months', () => {
    expect(periodOf('2025-03-02', 'day')).toBe('2025-03-02');
    expect(periodOf('2025-03-02', 'month')).toBe('2025-03');
  });
});

const csatDay = (...values: number[]) =>
  mergeAllStats(values.map((v) => responseStats({ csat: [v], nps: [], ces: [], servqual: [], kano: [] })));

describe('trendFromDailyStats', () => {
  it('merges the days of a period and orders periods', () => {
    const points = trendFromDailyStats(
      [
        { day: '2025-03-03', stats: csatDay(5, 3) },
        { day: '2025-02-27', stats: csatDay(2) },
        { day: '2025-03-05', stats: csatDay(4) },
      ],
      'csat',
      'week',
      DEFAULT_INDEX_WEIGHTS,
    );
    // W09: {2} → mean 2, n 1, no interval; W10: {5, 3, 4} → mean 4, s² = 1, half = t(2)·sqrt(1/3) = 4.302653·0.57735
    expect(points.map((p) => [p.period, p.n, p.value])).toEqual([
      ['2025-W09', 1, 2],
      ['2025-W10', 3, 4],
    ]);
    expect(points[0]?.ci95).toBeNull();
    expect(points[1]?.ci95?.[1]).toBeCloseTo(4 + 4.302652729749464 * Math.sqrt(1 / 3), 8);
    expect(trendResponseSchema.safeParse({ metric: 'csat', interval: 'week', points }).success).toBe(true);
  });

  it('reports every metric with its own n and interval, and null without data', () => {
    const stats = mergeAllStats([
      responseStats({ csat: [5], nps: [10], ces: [7], servqual: [{ item: 'a', dimension: 'empathy', expectation: 6, perception: 4 }], kano: [] }),
      responseStats({ csat: [3], nps: [3], ces: [], servqual: [], kano: [] }),
    ]);
    expect(trendPointFromStats('p', stats, 'csat-satisfied', DEFAULT_INDEX_WEIGHTS)).toMatchObject({ n: 2, value: 50 });
    expect(trendPointFromStats('p', stats, 'nps', DEFAULT_INDEX_WEIGHTS)).toMatchObject({ n: 2, value: 0 });
    expect(trendPointFromStats('p', stats, 'ces', DEFAULT_INDEX_WEIGHTS)).toMatchObject({ n: 1, value: 7, ci95: null });
    expect(trendPointFromStats('p', stats, 'servqual-gap', DEFAULT_INDEX_WEIGHTS)).toMatchObject({ n: 1, value: -2 });
    // index: CSAT (4 − 1)/4 = 75, NPS (0 + 100)/2 = 50, CES 100, SERVQUAL (−2 + 6)/12 = 33.33 → 64.583
    const index = trendPointFromStats('p', stats, 'index', DEFAULT_INDEX_WEIGHTS);
    expect(index.n).toBe(2);
    expect(index.value).toBeCloseTo((75 + 50 + 100 + 100 / 3) / 4, 10);
    expect(trendPointFromStats('p', emptyStats(), 'nps', DEFAULT_INDEX_WEIGHTS)).toEqual({
      period: 'p', n: 0, value: null, ci95: null, sample: 'insufficient',
    });
  });
});
