import { twoSidedTPValue, twoSidedZPValue } from './sampling-distributions';
import { meanAndVariance, npsVariance } from './intervals';
import type { ComparableMetric, Comparison } from './metrics.schema';
import { unscaledMoments } from './rollup-stats';
import type { MeanStats, RollupStats } from './rollup-stats';

/** Significance level of every period-over-period test. */
export const ALPHA = 0.05;
/**
 * Respondents each period needs before a change can be called significant; the same bar as the
 * `insufficient` sample flag, and enough for the normal approximations of the z-tests to be fair.
 */
export const MIN_TEST_N = 30;

export interface SampleMoments {
  n: number;
  mean: number;
  variance: number;
}

export interface TestOutcome {
  statistic: number;
  pValue: number;
  df?: number;
}

/**
 * Welch's unequal-variance t-test of mean(b) − mean(a), df by Welch–Satterthwaite.
 * Null when the difference has no standard error (n < 2 or no variance on either side).
 */
export function welchTTest(a: SampleMoments, b: SampleMoments): TestOutcome | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se2 = va + vb;
  if (!(se2 > 0)) return null;
  const statistic = (b.mean - a.mean) / Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  return { statistic, df, pValue: twoSidedTPValue(statistic, df) };
}

/** Pooled two-proportion z-test of x2/n2 − x1/n1. Null when the pooled share is 0 or 1. */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TestOutcome | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return null;
  const statistic = (x2 / n2 - x1 / n1) / se;
  return { statistic, pValue: twoSidedZPValue(statistic) };
}

export interface NpsCounts {
  n: number;
  promoters: number;
  detractors: number;
}

/**
 * z-test of NPS(b) − NPS(a): the two scores are independent estimates with variances
 * 100²·(p + d − (p − d)²)/n (the multinomial variance of %promoters − %detractors), so
 * z = ΔNPS / sqrt(Var_a + Var_b) (unpooled). Null when both variances are 0.
 */
export function npsDifferenceZTest(a: NpsCounts, b: NpsCounts): TestOutcome | null {
  if (a.n <= 0 || b.n <= 0) return null;
  const se = Math.sqrt(npsVariance(a.promoters, a.detractors, a.n) + npsVariance(b.promoters, b.detractors, b.n));
  if (!(se > 0)) return null;
  const statistic = (100 * ((b.promoters - b.detractors) / b.n - (a.promoters - a.detractors) / a.n)) / se;
  return { statistic, pValue: twoSidedZPValue(statistic) };
}

function moments(stats: MeanStats): SampleMoments {
  const { n, sum, sumSq } = unscaledMoments(stats.n, stats.sum, stats.sumSq);
  return { n, ...meanAndVariance(n, sum, sumSq) };
}

type Prepared = { test: Comparison['test']; nA: number; nB: number; delta: number; run: () => TestOutcome | null };

function prepare(previous: RollupStats, current: RollupStats, metric: ComparableMetric): Prepared {
  const welch = (a: SampleMoments, b: SampleMoments): Prepared => ({
    test: 'welch-t', nA: a.n, nB: b.n, delta: b.mean - a.mean, run: () => welchTTest(a, b),
  });
  switch (metric) {
    case 'csat':
      return welch(moments(previous.csat), moments(current.csat));
    case 'ces':
      return welch(moments(previous.ces), moments(current.ces));
    case 'servqual-gap': {
      const gap = (stats: RollupStats) => {
        const { n, sumGap: sum, sumGapSq: sumSq } = stats.servqual.overall;
        return moments({ n, sum, sumSq });
      };
      return welch(gap(previous), gap(current));
    }
    case 'csat-satisfied': {
      const satisfied = (stats: RollupStats) => stats.csat.hist[4] + stats.csat.hist[5];
      const [x1, n1, x2, n2] = [satisfied(previous), previous.csat.n, satisfied(current), current.csat.n];
      return { test: 'two-proportion-z', nA: n1, nB: n2, delta: 100 * (x2 / n2 - x1 / n1), run: () => twoProportionZTest(x1, n1, x2, n2) };
    }
    case 'nps': {
      const [a, b] = [previous.nps, current.nps];
      const delta = 100 * ((b.promoters - b.detractors) / b.n - (a.promoters - a.detractors) / a.n);
      return { test: 'nps-difference-z', nA: a.n, nB: b.n, delta, run: () => npsDifferenceZTest(a, b) };
    }
  }
}

/**
 * Whether `metric` changed significantly from `previous` to `current` (two-sided, α = 0.05).
 * `delta` is current − previous: scale points for means, percentage points for satisfied share and NPS.
 * No significance is claimed below MIN_TEST_N respondents in either period, or without variance.
 */
export function comparePeriods(previous: RollupStats, current: RollupStats, metric: ComparableMetric): Comparison {
  const { test, nA, nB, delta, run } = prepare(previous, current, metric);
  const base = { metric, test, significant: false, pValue: null, statistic: null };
  if (nA <= 0 || nB <= 0) return { ...base, delta: null, reason: 'no-data' };
  if (nA < MIN_TEST_N || nB < MIN_TEST_N) return { ...base, delta, reason: 'insufficient-n' };
  const outcome = run();
  if (outcome === null) return { ...base, delta, reason: 'zero-variance' };
  return { ...base, delta, ...outcome, significant: outcome.pValue < ALPHA };
}
