import { tCritical95, twoSidedTPValue, twoSidedZPValue, Z_95 } from './sampling-distributions';
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
  const error = welchStandardError(a, b);
  if (error === null) return null;
  const statistic = (b.mean - a.mean) / error.se;
  return { statistic, df: error.df, pValue: twoSidedTPValue(statistic, error.df) };
}

/** SE of mean(b) − mean(a) without pooling, and its Welch–Satterthwaite df; null as for welchTTest. */
function welchStandardError(a: SampleMoments, b: SampleMoments): { se: number; df: number } | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se2 = va + vb;
  if (!(se2 > 0)) return null;
  return { se: Math.sqrt(se2), df: (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1)) };
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

type Prepared = {
  test: Comparison['test'];
  nA: number;
  nB: number;
  delta: number;
  run: () => TestOutcome | null;
  /** Half-width of the 95% interval of `delta` (unpooled SE), null when it has no standard error. */
  halfWidth: () => number | null;
};

/** Welch: t(df)·SE of the difference of means. */
function welchHalfWidth(a: SampleMoments, b: SampleMoments): number | null {
  const error = welchStandardError(a, b);
  return error === null ? null : tCritical95(error.df) * error.se;
}

/** Normal interval of a difference from its variance, or null without one. */
const zHalfWidth = (variance: number): number | null => (variance > 0 ? Z_95 * Math.sqrt(variance) : null);

function prepare(previous: RollupStats, current: RollupStats, metric: ComparableMetric): Prepared {
  const welch = (a: SampleMoments, b: SampleMoments): Prepared => ({
    test: 'welch-t', nA: a.n, nB: b.n, delta: b.mean - a.mean, run: () => welchTTest(a, b), halfWidth: () => welchHalfWidth(a, b),
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
      // The test pools the shares (under "no change"); the interval cannot assume that, so it does not.
      const shareVariance = (x: number, n: number) => (10_000 * (x / n) * (1 - x / n)) / n;
      return {
        test: 'two-proportion-z', nA: n1, nB: n2, delta: 100 * (x2 / n2 - x1 / n1), run: () => twoProportionZTest(x1, n1, x2, n2),
        halfWidth: () => zHalfWidth(shareVariance(x1, n1) + shareVariance(x2, n2)),
      };
    }
    case 'nps': {
      const [a, b] = [previous.nps, current.nps];
      const delta = 100 * ((b.promoters - b.detractors) / b.n - (a.promoters - a.detractors) / a.n);
      const halfWidth = () => zHalfWidth(npsVariance(a.promoters, a.detractors, a.n) + npsVariance(b.promoters, b.detractors, b.n));
      return { test: 'nps-difference-z', nA: a.n, nB: b.n, delta, run: () => npsDifferenceZTest(a, b), halfWidth };
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

/**
 * The 95% interval of `delta` (current − previous, in comparePeriods' units), by the same approximation
 * as the metric's test: Welch t for means, normal for the satisfied share and NPS. Null when either
 * period has no respondents or the difference has no standard error.
 */
export function differenceInterval95(previous: RollupStats, current: RollupStats, metric: ComparableMetric): [number, number] | null {
  const { nA, nB, delta, halfWidth } = prepare(previous, current, metric);
  if (nA <= 0 || nB <= 0) return null;
  const half = halfWidth();
  return half === null ? null : [delta - half, delta + half];
}
