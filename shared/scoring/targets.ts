import type { TouchpointTarget } from '../touchpoints/touchpoint.schema';
import type { Scores } from './metrics.schema';
import { caseMetricValue } from './case-metric-value';
import { LOWER_IS_BETTER, isCaseMetric } from './metric-keys';
import { SAMPLE_THRESHOLDS } from './sample';
import { TARGET_METRICS, type TargetCheck, type TargetMetric } from './target.schema';

/** Default fewest respondents before a target verdict: the same 30 under which a score is `insufficient`. */
export const DEFAULT_TARGET_MIN_N = SAMPLE_THRESHOLDS.insufficient;

/** The value a target on `metric` is checked against, read from the scores under the same key (improvement actions read it too). */
export function metricValue(scores: Scores, metric: TargetMetric): { value: number; n: number } | null {
  if (isCaseMetric(metric)) return caseMetricValue(scores.cases ?? null, metric);
  switch (metric) {
    case 'nps':
      return scores.nps && { value: scores.nps.score, n: scores.nps.n };
    case 'csat-satisfied':
      return scores.csat && { value: scores.csat.satisfiedPct, n: scores.csat.n };
    case 'csat':
      return scores.csat && { value: scores.csat.mean, n: scores.csat.n };
    case 'ces':
      return scores.ces && { value: scores.ces.mean, n: scores.ces.n };
    case 'servqual-gap':
      return scores.servqual && { value: scores.servqual.gap, n: scores.servqual.n };
    case 'index':
      return scores.index === null ? null : { value: scores.index, n: scores.n };
  }
}

/**
 * Each target set on a touchpoint checked against its scores (targets not set are left out): met at or
 * above the target, or at or below it for metrics where less is better (LOWER_IS_BETTER).
 */
export function checkTargets(target: TouchpointTarget, scores: Scores): TargetCheck[] {
  const minN = target.minN ?? DEFAULT_TARGET_MIN_N;
  const checks: TargetCheck[] = [];
  for (const metric of TARGET_METRICS) {
    const wanted = target[metric];
    if (wanted === undefined) continue;
    const observed = metricValue(scores, metric);
    if (observed === null || observed.n === 0) {
      checks.push({ metric, target: wanted, value: null, n: 0, minN, status: 'no-data' });
      continue;
    }
    const reached = LOWER_IS_BETTER.has(metric) ? observed.value <= wanted : observed.value >= wanted;
    const status = observed.n < minN ? 'insufficient' : reached ? 'met' : 'missed';
    checks.push({ metric, target: wanted, value: observed.value, n: observed.n, minN, status });
  }
  return checks;
}
