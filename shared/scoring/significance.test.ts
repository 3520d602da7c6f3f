import { describe, expect, it } from 'vitest';
import { rollupStatsSchema } from './rollup-stats';
import { comparePeriods, npsDifferenceZTest, twoProportionZTest, welchTTest } from './significance';

// Reference values from scipy 1.17 (stats.ttest_ind_from_stats(..., equal_var=False), stats.norm.sf).
describe('welchTTest', () => {
  it.each([
    // a (n, mean, variance), b, t, df, p
    [{ n: 10, mean: 20, variance: 16 }, { n: 12, mean: 23, variance: 36 }, 1.3987572123604706, 19.190545987541217, 0.17783984843235476],
    [{ n: 55, mean: 3.8, variance: 1.21 }, { n: 40, mean: 4.1, variance: 0.81 }, 1.4595127662315588, undefined, 0.14784325867766043],
    [{ n: 380, mean: 4.1, variance: 0.81 }, { n: 400, mean: 4.3, variance: 0.64 }, 3.274037719716582, undefined, 0.001108429229069119],
  ])('%o vs %o', (a, b, t, df, p) => {
    const outcome = welchTTest(a, b);
    expect(outcome?.statistic).toBeCloseTo(t, 9);
    if (df !== undefined) expect(outcome?.df).toBeCloseTo(df, 9);
    expect(outcome?.pValue).toBeCloseTo(p, 8);
  });

  it('has no answer without a standard error', () => {
    expect(welchTTest({ n: 30, mean: 5, variance: 0 }, { n: 30, mean: 4, variance: 0 })).toBeNull();
    expect(welchTTest({ n: 1, mean: 5, variance: 0 }, { n: 30, mean: 4, variance: 1 })).toBeNull();
  });
});

describe('twoProportionZTest', () => {
  it('pools the proportions', () => {
    // 45/100 → 60/100: pooled 0.525; SE = sqrt(0.525·0.475·0.02) = 0.070622; z = 0.15/0.070622
    const outcome = twoProportionZTest(45, 100, 60, 100);
    expect(outcome?.statistic).toBeCloseTo(2.1239769762143657, 10);
    expect(outcome?.pValue).toBeCloseTo(0.033672068856345855, 10);
    expect(twoProportionZTest(0, 50, 0, 50)).toBeNull();
  });
});

describe('npsDifferenceZTest', () => {
  it('divides the NPS change by the root of the summed variances', () => {
    // a: 40/30/30 of 100, NPS 10, Var = 100²·(0.7 − 0.01)/100 = 69; b: 50/30/20, NPS 30, Var 61
    // z = 20 / sqrt(130) = 1.754116
    const outcome = npsDifferenceZTest({ n: 100, promoters: 40, detractors: 30 }, { n: 100, promoters: 50, detractors: 20 });
    expect(outcome?.statistic).toBeCloseTo(1.7541160386140586, 10);
    expect(outcome?.pValue).toBeCloseTo(0.07941062599894216, 10);
    expect(npsDifferenceZTest({ n: 40, promoters: 40, detractors: 0 }, { n: 40, promoters: 40, detractors: 0 })).toBeNull();
  });
});

/** Rollup counters (thousandths) of n respondents with the given mean and sample variance. */
function meanStats(n: number, mean: number, variance: number) {
  return { n, sum: Math.round(n * mean * 1000), sumSq: Math.round(((n - 1) * variance + n * mean * mean) * 1e6) };
}

describe('comparePeriods', () => {
  it('runs Welch on CSAT, CES and the SERVQUAL gap', () => {
    const previous = rollupStatsSchema.parse({ csat: meanStats(380, 4.1, 0.81), ces: meanStats(55, 3.8, 1.21) });
    const current = rollupStatsSchema.parse({ csat: meanStats(400, 4.3, 0.64), ces: meanStats(40, 4.1, 0.81) });
    const csat = comparePeriods(previous, current, 'csat');
    expect(csat).toMatchObject({ metric: 'csat', test: 'welch-t', significant: true });
    expect(csat.delta).toBeCloseTo(0.2, 10);
    expect(csat.pValue).toBeCloseTo(0.001108429229069119, 7);
    const ces = comparePeriods(previous, current, 'ces');
    expect(ces).toMatchObject({ significant: false });
    expect(ces.pValue).toBeCloseTo(0.14784325867766043, 7);

    const gap = (n: number, mean: number, variance: number) => {
      const { sum, sumSq } = meanStats(n, mean, variance);
      return rollupStatsSchema.parse({ servqual: { overall: { n, sumGap: sum, sumGapSq: sumSq } } });
    };
    const servqual = comparePeriods(gap(380, -0.3, 0.81), gap(400, -0.1, 0.64), 'servqual-gap');
    expect(servqual.delta).toBeCloseTo(0.2, 10);
    expect(servqual.statistic).toBeCloseTo(3.274037719716582, 7);
  });

  it('runs the two-proportion test on the satisfied share, in percentage points', () => {
    const previous = rollupStatsSchema.parse({ csat: { n: 100, hist: { 1: 20, 3: 35, 4: 30, 5: 15 } } });
    const current = rollupStatsSchema.parse({ csat: { n: 100, hist: { 1: 10, 3: 30, 4: 40, 5: 20 } } });
    const result = comparePeriods(previous, current, 'csat-satisfied');
    expect(result).toMatchObject({ test: 'two-proportion-z', significant: true });
    expect(result.delta).toBeCloseTo(15, 10);
    expect(result.pValue).toBeCloseTo(0.033672068856345855, 10);
  });

  it('tests NPS differences', () => {
    const previous = rollupStatsSchema.parse({ nps: { n: 100, promoters: 40, passives: 30, detractors: 30 } });
    const current = rollupStatsSchema.parse({ nps: { n: 100, promoters: 50, passives: 30, detractors: 20 } });
    const result = comparePeriods(previous, current, 'nps');
    expect(result).toMatchObject({ test: 'nps-difference-z', significant: false });
    expect(result.delta).toBeCloseTo(20, 10);
    expect(result.pValue).toBeCloseTo(0.07941062599894216, 10);
  });

  it('claims nothing below 30 respondents, without data, or without variance', () => {
    const small = rollupStatsSchema.parse({ csat: meanStats(29, 4.5, 0.3) });
    const big = rollupStatsSchema.parse({ csat: meanStats(500, 3, 1) });
    expect(comparePeriods(small, big, 'csat')).toMatchObject({ significant: false, pValue: null, reason: 'insufficient-n' });
    expect(comparePeriods(small, big, 'csat').delta).toBeCloseTo(-1.5, 10);
    expect(comparePeriods(rollupStatsSchema.parse({}), big, 'csat')).toMatchObject({ delta: null, reason: 'no-data', significant: false });
    const allFives = rollupStatsSchema.parse({ csat: meanStats(30, 5, 0) });
    const allFours = rollupStatsSchema.parse({ csat: meanStats(30, 4, 0) });
    expect(comparePeriods(allFives, allFours, 'csat')).toMatchObject({ delta: -1, reason: 'zero-variance', significant: false });
  });
});
