import { describe, expect, it } from 'vitest';
import { cronPatternOf, occurrenceOf } from './occurrence';

describe('occurrence names', () => {
  it('names a one-time distribution once', () => {
    expect(occurrenceOf({ type: 'once' }, new Date('2025-06-01T09:00:00Z'), 'UTC')).toBe('once');
  });

  it('names monthly and quarterly firings by local month and quarter', () => {
    const firing = new Date('2025-06-30T23:00:00Z'); // already 1 July in Shanghai
    expect(occurrenceOf({ type: 'recurring', every: 'monthly' }, firing, 'UTC')).toBe('2025-06');
    expect(occurrenceOf({ type: 'recurring', every: 'monthly' }, firing, 'Asia/Shanghai')).toBe('2025-07');
    expect(occurrenceOf({ type: 'recurring', every: 'quarterly' }, firing, 'UTC')).toBe('2025-Q2');
    expect(occurrenceOf({ type: 'recurring', every: 'quarterly' }, firing, 'Asia/Shanghai')).toBe('2025-Q3');
  });

  it('names cron firings by their scheduled UTC second, without colons', () => {
    expect(occurrenceOf({ type: 'recurring', cron: '*/5 * * * * *' }, new Date('2025-06-01T09:00:05.000Z'), 'UTC')).toBe('20250601T090005Z');
  });

  it('maps the named intervals to cron patterns', () => {
    expect(cronPatternOf({ type: 'recurring', every: 'quarterly' })).toBe('0 9 1 1,4,7,10 *');
    expect(cronPatternOf({ type: 'recurring', cron: '0 8 * * 1' })).toBe('0 8 * * 1');
  });
});
