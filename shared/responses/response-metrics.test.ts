import { describe, expect, it } from 'vitest';
import { getTemplate } from '../survey-definition/templates';
import { responseMetrics } from './response-metrics';

const rating = (name: string, metric: string, extra: Record<string, unknown> = {}) => ({ type: 'rating', name, metric, ...extra });

describe('responseMetrics', () => {
  it('reads CSAT, NPS and CES at the respondent level', () => {
    const definition = {
      elements: [
        rating('c1', 'csat', { rateMin: 1, rateMax: 5 }),
        rating('c2', 'csat', { rateMin: 1, rateMax: 5 }),
        rating('n1', 'nps', { rateMin: 0, rateMax: 10 }),
        rating('n2', 'nps', { rateMin: 0, rateMax: 10 }),
        rating('e1', 'ces', { rateMin: 1, rateMax: 7 }),
      ],
    };
    expect(responseMetrics(definition, { c1: 4, c2: 5, n1: 9, n2: 3, e1: 6 })).toEqual({ csat: 4.5, nps: 9, ces: 6 });
  });

  it('gives the overall SERVQUAL gap and leaves out metrics not answered', () => {
    const servqual = (name: string, side: string, item: string, dimension: string) =>
      rating(name, 'servqual', { servqual: side, item, dimension, rateMin: 1, rateMax: 7 });
    const definition = {
      elements: [
        servqual('r_e', 'expectation', 'r1', 'reliability'),
        servqual('r_p', 'perception', 'r1', 'reliability'),
        servqual('t_e', 'expectation', 't1', 'tangibles'),
        servqual('t_p', 'perception', 't1', 'tangibles'),
        rating('c1', 'csat', { rateMin: 1, rateMax: 5 }),
      ],
    };
    expect(responseMetrics(definition, { r_e: 7, r_p: 5, t_e: 4, t_p: 5 })).toEqual({ servqualGap: -0.5 });
  });

  it('works on the bilingual templates', () => {
    expect(responseMetrics(getTemplate('csat'), { csat: 2, csat_comment: 'slow' })).toEqual({ csat: 2 });
  });
});
