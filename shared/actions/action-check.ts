/**
 * The automatic Check of an improvement action: each target metric's baseline window against its check
 * window, with the same two-sample tests the metrics API uses for period changes. Pure: the server reads
 * the two windows' rollup statistics and stores what this returns.
 */
import type { IndexWeights } from '../scoring/composite-index';
import { COMPARABLE_METRICS, type ComparableMetric } from '../scoring/metrics.schema';
import { scoresFromStats } from '../scoring/metrics';
import type { RollupStats } from '../scoring/rollup-stats';
import { comparePeriods, differenceInterval95, MIN_TEST_N } from '../scoring/significance';
import type { TargetMetric } from '../scoring/target.schema';
import { metricValue } from '../scoring/targets';
import type { MetricCheck } from './action.schema';
import { metricDirection } from './metric-direction';

const isComparable = (metric: string): metric is ComparableMetric => (COMPARABLE_METRICS as readonly string[]).includes(metric);

/**
 * One target metric's verdict. `too-few` whenever either window has fewer than MIN_TEST_N respondents
 * (never a verdict on less); `untestable` for a metric with no two-sample test (the composite index);
 * otherwise improved / worse when the test is significant at α = 0.05, read in the metric's direction
 * (lower is better for times), else no-change. `effect` is check − baseline in the metric's units.
 */
export function checkMetric(baseline: RollupStats, check: RollupStats, metric: TargetMetric, weights: IndexWeights): MetricCheck {
  const before = metricValue(scoresFromStats(baseline, weights), metric);
  const after = metricValue(scoresFromStats(check, weights), metric);
  const n = { baseline: before?.n ?? 0, check: after?.n ?? 0 };
  const values = { baseline: before?.value ?? null, check: after?.value ?? null };
  const effect = values.baseline !== null && values.check !== null ? values.check - values.baseline : null;
  const base = { metric, n, values, effect, ci95: null, test: null, pValue: null };
  if (n.baseline < MIN_TEST_N || n.check < MIN_TEST_N) return { ...base, verdict: 'too-few' };
  if (!isComparable(metric)) return { ...base, verdict: 'untestable' };
  const comparison = comparePeriods(baseline, check, metric);
  const ci95 = differenceInterval95(baseline, check, metric);
  const tested = { ...base, effect: comparison.delta, ci95, test: comparison.test, pValue: comparison.pValue };
  if (!comparison.significant || comparison.delta === null) return { ...tested, verdict: 'no-change' };
  return { ...tested, verdict: comparison.delta * metricDirection(metric) > 0 ? 'improved' : 'worse' };
}
