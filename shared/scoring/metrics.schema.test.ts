import { describe, expect, it } from 'vitest';
import { metricsQuerySchema, metricsResponseSchema, trendQuerySchema } from './metrics.schema';

const survey = '65f1c0ffee0123456789abcd';

describe('metricsQuerySchema', () => {
  it('accepts a survey with an optional range and filters', () => {
    expect(metricsQuerySchema.parse({ survey })).toEqual({ survey });
    const query = { survey, from: '2025-02-01', to: '2025-02-28', channel: 'phone', segment: 'b2b', touchpoint: 'after-sales' };
    expect(metricsQuerySchema.parse(query)).toEqual(query);
  });

  it.each([
    [{ survey: 'abc' }],
    [{ survey, from: '2025-02-30' }],
    [{ survey, from: '2025-2-01' }],
    [{ survey, from: '2025-03-01', to: '2025-02-01' }],
    [{ survey, channel: 'Phone' }],
    [{ survey, segment: ['a', 'b'] }],
  ])('rejects %o', (query) => {
    expect(metricsQuerySchema.safeParse(query).success).toBe(false);
  });
});

describe('trendQuerySchema', () => {
  it('needs a metric and defaults the interval to day', () => {
    expect(trendQuerySchema.parse({ survey, metric: 'nps' })).toEqual({ survey, metric: 'nps', interval: 'day' });
    expect(trendQuerySchema.parse({ survey, metric: 'index', interval: 'month', touchpoint: 'shop' }).interval).toBe('month');
    expect(trendQuerySchema.safeParse({ survey }).success).toBe(false);
    expect(trendQuerySchema.safeParse({ survey, metric: 'nps', interval: 'year' }).success).toBe(false);
    expect(trendQuerySchema.safeParse({ survey, metric: 'mood' }).success).toBe(false);
  });
});

describe('metricsResponseSchema', () => {
  it('requires an ISO timestamp and touchpoint slugs', () => {
    const touchpoint = {
      touchpoint: 'shop', n: 0, sample: 'insufficient', csat: null, nps: null, ces: null, servqual: null, kano: null, index: null, indexComponents: {}, targets: [],
    };
    expect(metricsResponseSchema.safeParse({ asOf: '2025-03-01T10:00:00Z', touchpoints: [touchpoint] }).success).toBe(true);
    expect(metricsResponseSchema.safeParse({ asOf: 'yesterday', touchpoints: [] }).success).toBe(false);
    expect(metricsResponseSchema.safeParse({ asOf: '2025-03-01T10:00:00Z', touchpoints: [{ ...touchpoint, touchpoint: 'Shop!' }] }).success).toBe(false);
  });
});
