import { describe, expect, it } from 'vitest';
import { meanAndVariance, meanInterval95, npsInterval95, npsVariance, wilsonInterval95 } from './intervals';

describe('meanInterval95', () => {
  it('uses t with n − 1 df', () => {
    // answers 4 5 3 4 4: n 5, Σx 20, Σx² 82; mean 4; s² = (82 − 20²/5)/4 = 0.5
    // SE = sqrt(0.5/5) = 0.316227766; t(0.975, 4) = 2.776445105; half = 0.877988...
    const ci = meanInterval95(5, 20, 82);
    const half = 2.776445105197793 * Math.sqrt(0.1);
    expect(ci?.[0]).toBeCloseTo(4 - half, 8);
    expect(ci?.[1]).toBeCloseTo(4 + half, 8);
    expect(half).toBeCloseTo(0.878, 3);
  });

  it('is null below two observations and zero-width without spread', () => {
    expect(meanInterval95(1, 4, 16)).toBeNull();
    expect(meanInterval95(0, 0, 0)).toBeNull();
    expect(meanInterval95(3, 15, 75)).toEqual([5, 5]);
  });

  it('never returns a negative variance from rounding', () => {
    expect(meanAndVariance(3, 0.3, 0.03).variance).toBeGreaterThanOrEqual(0);
  });
});

describe('wilsonInterval95', () => {
  it('matches the textbook 8 of 10 example', () => {
    // p 0.8, z² 3.8415; centre (0.8 + 0.19207)/1.38415 = 0.71674; half 1.41601·sqrt(0.016 + 0.0096036) = 0.22658
    const [lo, hi] = wilsonInterval95(8, 10) ?? [Number.NaN, Number.NaN];
    expect(lo).toBeCloseTo(49.0163, 3);
    expect(hi).toBeCloseTo(94.3318, 3);
  });

  it('stays inside [0, 100] at the edges', () => {
    // 0 of 10: upper bound z²/(n + z²) = 3.8415/13.8415 = 27.753%
    const [lo, hi] = wilsonInterval95(0, 10) ?? [Number.NaN, Number.NaN];
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(27.753, 2);
    const [lo10, hi10] = wilsonInterval95(10, 10) ?? [Number.NaN, Number.NaN];
    expect(lo10).toBeCloseTo(72.247, 2);
    expect(hi10).toBe(100);
    expect(wilsonInterval95(0, 0)).toBeNull();
  });
});

describe('npsInterval95', () => {
  it('uses SE = 100·sqrt((p + d − (p − d)²)/n)', () => {
    // 50 promoters, 30 passives, 20 detractors: score 30; p .5, d .2
    // SE = 100·sqrt((0.7 − 0.09)/100) = 7.81025; half = 1.959964 · 7.81025 = 15.30780
    expect(npsVariance(50, 20, 100)).toBeCloseTo(61, 10);
    const [lo, hi] = npsInterval95(50, 20, 100) ?? [Number.NaN, Number.NaN];
    expect(lo).toBeCloseTo(14.6922, 3);
    expect(hi).toBeCloseTo(45.3078, 3);
  });

  it('clips to the NPS range and handles n = 0', () => {
    // 9 promoters, 1 detractor of 10: score 80, SE = 100·sqrt((1 − 0.64)/10) = 18.97, upper 117 → 100
    expect(npsInterval95(9, 1, 10)?.[1]).toBe(100);
    expect(npsInterval95(0, 0, 0)).toBeNull();
  });
});
