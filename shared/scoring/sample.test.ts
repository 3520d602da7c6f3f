import { describe, expect, it } from 'vitest';
import { sampleFlag } from './sample';

describe('sampleFlag', () => {
  it.each([
    [0, 'insufficient'],
    [29, 'insufficient'],
    [30, 'low'],
    [99, 'low'],
    [100, 'ok'],
    [5000, 'ok'],
  ] as const)('n = %d is %s', (n, flag) => {
    expect(sampleFlag(n)).toBe(flag);
  });
});
