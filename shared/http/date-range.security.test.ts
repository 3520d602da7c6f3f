import { describe, expect, it } from 'vitest';
import { listResponsesQuerySchema } from '../responses/response-list.schema';
import { metricsQuerySchema, trendQuerySchema } from '../scoring/metrics.schema';
import { resolveTrendRange, trendRangeIssue } from '../scoring/trend-range';
import { plausibleDateParamSchema, plausibleDaySchema } from './date-range.schema';

const survey = '65f1c0ffee0123456789abcd';

describe('plausible days', () => {
  it.each(['2000-01-01', '2025-06-30', '2099-12-31'])('accepts %s', (day) => {
    expect(plausibleDaySchema.parse(day)).toBe(day);
  });
  it.each(['0001-01-01', '1999-12-31', '2100-01-01', '9999-12-31'])('rejects %s', (day) => {
    expect(plausibleDaySchema.safeParse(day).success).toBe(false);
  });
  it('bounds date-times too', () => {
    expect(plausibleDateParamSchema.safeParse('2025-01-01T10:00:00Z').success).toBe(true);
    expect(plausibleDateParamSchema.safeParse('9999-12-31T23:59:59Z').success).toBe(false);
    expect(listResponsesQuerySchema.safeParse({ from: '0001-01-01' }).success).toBe(false);
  });
});

describe('trend span per interval', () => {
  const today = '2026-12-04';
  it('rejects the hostile all-of-time day trend before any list is built', () => {
    expect(trendQuerySchema.safeParse({ survey, metric: 'nps', interval: 'day', from: '0001-01-01', to: '9999-12-31' }).success).toBe(false);
    expect(trendQuerySchema.safeParse({ survey, metric: 'nps', interval: 'day', from: '2000-01-01', to: '2099-12-31' }).success).toBe(false);
  });
  it('allows two years of days, ten years of weeks and every plausible month', () => {
    expect(trendRangeIssue({ interval: 'day', from: '2024-01-01', to: '2025-12-31' }, today)).toBeNull();
    expect(trendRangeIssue({ interval: 'day', from: '2023-01-01', to: '2025-12-31' }, today)).toMatch(/at most 731 days/);
    expect(trendRangeIssue({ interval: 'week', from: '2016-01-01', to: '2025-12-31' }, today)).toBeNull();
    expect(trendRangeIssue({ interval: 'week', from: '2010-01-01', to: '2025-12-31' }, today)).toMatch(/at most 3653 days/);
    expect(trendRangeIssue({ interval: 'month', from: '2000-01-01', to: '2099-12-31' }, today)).toBeNull();
  });
  it('counts a missing `to` as today, so an early `from` alone is bounded too', () => {
    expect(resolveTrendRange({ interval: 'day', from: '2025-01-01' }, today)).toEqual({ from: '2025-01-01', to: today });
    expect(trendRangeIssue({ interval: 'day', from: '2000-01-01' }, today)).not.toBeNull();
    expect(resolveTrendRange({ interval: 'day' }, today)).toEqual({ from: '2026-09-06', to: today });
    expect(resolveTrendRange({ interval: 'month' }, today)).toEqual({});
  });
  it('bounds the metrics range by plausible years', () => {
    expect(metricsQuerySchema.safeParse({ survey, from: '0001-01-01' }).success).toBe(false);
    expect(metricsQuerySchema.safeParse({ survey, from: '2000-01-01', to: '2099-12-31' }).success).toBe(true);
  });
});
