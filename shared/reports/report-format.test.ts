import { describe, expect, it } from 'vitest';
import { humanDuration } from './report-format';

describe('humanDuration', () => {
  it('picks the unit by size, switching at 90 s, 90 min and 36 h', () => {
    expect([45, 89.9, 90, 12 * 60, 90 * 60 - 1, 90 * 60, 3.5 * 3600, 36 * 3600 - 1, 36 * 3600, 2.1 * 86400].map(humanDuration)).toEqual([
      '45.0 s', '89.9 s', '1.5 min', '12.0 min', '90.0 min', '1.5 h', '3.5 h', '36.0 h', '1.5 d', '2.1 d',
    ]);
  });
});
