import { describe, expect, it } from 'vitest';
import { addDays, daysIn, filtersToSearch, parseFilters, resolvePeriod, scopeParams, sparklineInterval } from './dashboard-filters';

const SURVEY = '0123456789abcdef01234567';

describe('dashboard filters in the URL', () => {
  it('round-trips every filter', () => {
    const filters = { survey: SURVEY, range: 'custom' as const, from: '2025-01-01', to: '2025-01-31', channel: 'on-site', segment: 'vip', metric: 'nps' as const, interval: 'week' as const };
    const search = filtersToSearch(filters);
    expect(search).toBe(`?survey=${SURVEY}&range=custom&from=2025-01-01&to=2025-01-31&channel=on-site&segment=vip&metric=nps&interval=week`);
    expect(parseFilters(search)).toEqual(filters);
  });

  it('defaults to the last 30 days and drops what is malformed', () => {
    expect(parseFilters('')).toEqual({ range: '30' });
    expect(parseFilters('?survey=nope&range=12&channel=Not%20a%20slug&metric=median&interval=year')).toEqual({ range: '30' });
    // A custom range needs both days, in order.
    expect(parseFilters('?range=custom&from=2025-02-01')).toEqual({ range: '30' });
    expect(parseFilters('?range=custom&from=2025-02-10&to=2025-02-01')).toEqual({ range: '30' });
    expect(parseFilters('?range=7&from=2025-02-01&to=2025-02-03')).toEqual({ range: '7' });
    expect(filtersToSearch({ range: '7', from: '2025-01-01', to: '2025-01-02' })).toBe('?range=7');
  });
});

describe('periods', () => {
  const today = new Date('2025-03-31T22:00:00Z');

  it('counts presets back from today, today included, in UTC days', () => {
    expect(resolvePeriod({ range: '7' }, today)).toEqual({ from: '2025-03-25', to: '2025-03-31' });
    expect(resolvePeriod({ range: '30' }, today)).toEqual({ from: '2025-03-02', to: '2025-03-31' });
    expect(resolvePeriod({ range: '90' }, today)).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(resolvePeriod({ range: 'custom', from: '2024-02-28', to: '2024-03-01' }, today)).toEqual({ from: '2024-02-28', to: '2024-03-01' });
    expect(daysIn({ from: '2024-02-28', to: '2024-03-01' })).toBe(3);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('picks daily sparklines up to a month and weekly ones beyond', () => {
    expect(sparklineInterval({ from: '2025-03-02', to: '2025-03-31' })).toBe('day');
    expect(sparklineInterval({ from: '2025-01-01', to: '2025-03-31' })).toBe('week');
  });

  it('builds the API scope from filters and period', () => {
    const params = scopeParams({ survey: SURVEY, range: '7', channel: 'phone' }, { from: '2025-03-25', to: '2025-03-31' }, { touchpoint: 'branch', metric: undefined });
    expect(params.toString()).toBe(`survey=${SURVEY}&from=2025-03-25&to=2025-03-31&channel=phone&touchpoint=branch`);
  });
});
