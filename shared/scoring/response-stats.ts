import { SERVQUAL_DIMENSIONS } from '../survey-definition/metric-vocabulary';
import type { ServqualDimension } from '../survey-definition/metric-vocabulary';
import { encodeFeatureKey } from './feature-key';
import { kanoCell } from './kano';
import type { MetricAnswers } from './metric-answers';
import { CSAT_LEVELS, VALUE_SCALE, emptyStats, flattenStats } from './rollup-stats';
import type { MeanStats, RollupStats, ServqualStats } from './rollup-stats';

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const scaled = (value: number) => Math.round(value * VALUE_SCALE);

function oneObservation(stats: MeanStats, value: number): void {
  stats.n = 1;
  stats.sum = value;
  stats.sumSq = value * value;
}

function servqualObservation(stats: ServqualStats, expectation: number, perception: number): void {
  const e = scaled(expectation);
  const p = scaled(perception);
  // gap from the scaled sides, so Σgap = ΣP − ΣE holds exactly
  Object.assign(stats, { n: 1, sumE: e, sumESq: e * e, sumP: p, sumPSq: p * p, sumGap: p - e, sumGapSq: (p - e) ** 2 });
}

/**
 * The rollup contribution of one response. Respondent-level: each respondent is one observation per
 * metric, so every `n` counts respondents.
 * - CSAT, CES: the mean of the respondent's answers to that metric's questions; the CSAT histogram
 *   bucket is floor(mean), so "satisfied" (4–5) means a mean ≥ 4.
 * - NPS: the first NPS question answered, in page order (promoter 9–10, passive 7–8, detractor 0–6).
 * - SERVQUAL: only items with both expectation and perception count. Per dimension E and P are the
 *   means over those items and gap = P − E; overall E and P are the unweighted means of the respondent's
 *   dimension means (each dimension counts once, as in Parasuraman et al. 1988).
 * - Kano: a feature counts when both its functional and dysfunctional answers are present.
 */
export function responseStats(answers: MetricAnswers): RollupStats {
  const stats = emptyStats();
  stats.responses = 1;

  if (answers.csat.length > 0) {
    const value = scaled(mean(answers.csat));
    oneObservation(stats.csat, value);
    const level = CSAT_LEVELS[Math.floor(value / VALUE_SCALE) - 1];
    if (level !== undefined) stats.csat.hist[level] = 1;
  }

  const nps = answers.nps[0];
  if (nps !== undefined) {
    stats.nps.n = 1;
    if (nps >= 9) stats.nps.promoters = 1;
    else if (nps >= 7) stats.nps.passives = 1;
    else stats.nps.detractors = 1;
  }

  if (answers.ces.length > 0) oneObservation(stats.ces, scaled(mean(answers.ces)));

  const pairs = new Map<ServqualDimension, { e: number[]; p: number[] }>();
  for (const { dimension, expectation, perception } of answers.servqual) {
    if (expectation === undefined || perception === undefined) continue;
    const pair = pairs.get(dimension) ?? { e: [], p: [] };
    pair.e.push(expectation);
    pair.p.push(perception);
    pairs.set(dimension, pair);
  }
  const dimensionE: number[] = [];
  const dimensionP: number[] = [];
  for (const dimension of SERVQUAL_DIMENSIONS) {
    const pair = pairs.get(dimension);
    if (pair === undefined) continue;
    const [e, p] = [mean(pair.e), mean(pair.p)];
    servqualObservation(stats.servqual.dimensions[dimension], e, p);
    dimensionE.push(e);
    dimensionP.push(p);
  }
  if (dimensionE.length > 0) servqualObservation(stats.servqual.overall, mean(dimensionE), mean(dimensionP));

  for (const { feature, functional, dysfunctional } of answers.kano) {
    const key = encodeFeatureKey(feature);
    if (key === undefined || functional === undefined || dysfunctional === undefined) continue;
    stats.kano[key] = { [kanoCell(functional, dysfunctional)]: 1 };
  }
  return stats;
}

/**
 * MongoDB `$inc` document folding one response into a rollup (`sign` 1) or taking it out again
 * (`sign` −1, on deletion or anonymisation). Integer-valued, so order and repetition of folds never
 * change the result; the server must make sure each response is folded once (and subtract with the
 * same survey definition it folded with).
 */
export function statsIncrements(answers: MetricAnswers, sign: 1 | -1): Record<string, number> {
  const increments = flattenStats(responseStats(answers));
  if (sign === -1) for (const path of Object.keys(increments)) increments[path] = -(increments[path] ?? 0);
  return increments;
}
