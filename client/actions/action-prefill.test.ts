import { describe, expect, it } from 'vitest';
import { newActionHref, readActionPrefill } from './action-prefill';

describe('action prefill', () => {
  it('round-trips touchpoint, metric and problem through the link', () => {
    const href = newActionHref({ touchpoint: 'branch', metric: 'nps', problem: 'NPS ≥ 50: missed (25) & more' });
    expect(href.startsWith('/actions/new?')).toBe(true);
    expect(readActionPrefill(href.slice(href.indexOf('?')))).toEqual({ touchpoint: 'branch', metric: 'nps', problem: 'NPS ≥ 50: missed (25) & more' });
  });

  it('drops a metric it does not know', () => {
    expect(readActionPrefill('?touchpoint=x&metric=speed')).toEqual({ touchpoint: 'x', metric: null, problem: '' });
    expect(newActionHref({})).toBe('/actions/new');
  });
});
