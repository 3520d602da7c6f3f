import { describe, expect, it } from 'vitest';
import {
  Z_95,
  lnGamma,
  normalCdf,
  regularizedIncompleteBeta,
  studentTCdf,
  tCritical95,
  twoSidedTPValue,
  twoSidedZPValue,
} from './sampling-distributions';

describe('normalCdf', () => {
  // Reference values: R pnorm() / scipy.stats.norm.cdf.
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1, 0.15865525393145707],
    [1.96, 0.9750021048517795],
    [-3, 0.0013498980316301035],
    [3, 0.9986501019683699],
    [-5, 2.866515718791939e-7],
    [-8, 6.22096057427178e-16],
  ])('Φ(%d) = %d', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(1e-12 + 1e-9 * expected);
  });

  it('Z_95 is the 0.975 quantile', () => {
    expect(normalCdf(Z_95)).toBeCloseTo(0.975, 12);
  });

  it('is symmetric and saturates', () => {
    for (const x of [0.3, 1.7, 4.2, 9]) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 14);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
  });
});

describe('lnGamma and the incomplete beta', () => {
  it('matches closed forms', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12); // 9!
  });

  it('I_x(a, b) agrees with its special cases', () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 13); // uniform
    expect(regularizedIncompleteBeta(0.6, 3, 1)).toBeCloseTo(0.6 ** 3, 13); // x^a
    expect(regularizedIncompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 13); // 1 - (1-x)^b
    expect(regularizedIncompleteBeta(0.5, 7.5, 7.5)).toBeCloseTo(0.5, 13); // symmetry
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe('studentTCdf', () => {
  it('df = 1 is the Cauchy distribution: 1/2 + atan(t)/π', () => {
    for (const t of [-20, -3, -0.5, 0, 0.7, 2, 12.7]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 10);
    }
  });

  it('df = 2 has the closed form 1/2 + t / (2·sqrt(2 + t²))', () => {
    for (const t of [-9, -1.1, 0, 0.4, 2.5, 30]) {
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 10);
    }
  });

  // Two-sided 95% critical values from a t table (R: qt(0.975, df)).
  it.each([
    [1, 12.706204736174707],
    [2, 4.302652729749464],
    [3, 3.182446305284263],
    [5, 2.570581835636314],
    [10, 2.228138851986274],
    [30, 2.042272456301238],
    [100, 1.983971518523552],
  ])('df %d: t_0.975 = %d', (df, critical) => {
    expect(studentTCdf(critical, df)).toBeCloseTo(0.975, 9);
    expect(tCritical95(df)).toBeCloseTo(critical, 8);
  });

  it('handles fractional df as Welch produces them (scipy 1.17 stats.t.cdf)', () => {
    expect(studentTCdf(-2.5, 7.3)).toBeCloseTo(0.019825117332800214, 10);
    expect(studentTCdf(1, 0.6)).toBeCloseTo(0.7131145961463907, 10);
    expect(studentTCdf(3, 250.5)).toBeCloseTo(0.998513948190747, 10);
  });

  it('approaches the normal for large df and stays heavier-tailed', () => {
    const t = studentTCdf(1.96, 1e6);
    expect(Math.abs(t - normalCdf(1.96))).toBeLessThan(1e-6);
    expect(t).toBeLessThan(normalCdf(1.96));
    expect(tCritical95(1e9)).toBe(Z_95);
    // Cornish-Fisher first term: t_q ≈ z + (z³ + z) / (4 df)
    expect(tCritical95(1e5)).toBeCloseTo(Z_95 + (Z_95 ** 3 + Z_95) / 4e5, 7);
  });

  it('gives two-sided p-values', () => {
    expect(twoSidedTPValue(2.228138851986274, 10)).toBeCloseTo(0.05, 9);
    expect(twoSidedTPValue(-2.228138851986274, 10)).toBeCloseTo(0.05, 9);
    expect(twoSidedZPValue(Z_95)).toBeCloseTo(0.05, 12);
    expect(twoSidedZPValue(0)).toBe(1);
  });
});
