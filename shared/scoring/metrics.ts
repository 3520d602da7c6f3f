import { SERVQUAL_DIMENSIONS } from '../survey-definition/metric-vocabulary';
import { caseScoresFromStats, emptyCaseStats, type CaseStats } from './case-stats';
import { compositeIndex, indexComponents } from './composite-index';
import type { IndexWeights } from './composite-index';
import { decodeFeatureKey } from './feature-key';
import { meanInterval95, npsInterval95, wilsonInterval95 } from './intervals';
import { evaluateKano } from './kano';
import type { Scores } from './metrics.schema';
import { setOwn } from './own-property';
import { VALUE_SCALE, unscaledMoments } from './rollup-stats';
import type { MeanStats, RollupStats, ServqualStats } from './rollup-stats';
import { sampleFlag } from './sample';

type NonNull<T> = Exclude<T, null>;

function meanOf(stats: MeanStats): { n: number; mean: number; meanCi95: [number, number] | null } {
  const { n, sum, sumSq } = unscaledMoments(stats.n, stats.sum, stats.sumSq);
  return { n, mean: sum / n, meanCi95: meanInterval95(n, sum, sumSq) };
}

export function csatScore(stats: RollupStats): Scores['csat'] {
  const { n, hist } = stats.csat;
  if (n <= 0) return null;
  const satisfied = hist[4] + hist[5];
  const ci95 = wilsonInterval95(satisfied, n);
  if (ci95 === null) return null;
  return { ...meanOf(stats.csat), sample: sampleFlag(n), satisfiedPct: (100 * satisfied) / n, ci95, distribution: { ...hist } };
}

export function npsScore(stats: RollupStats): Scores['nps'] {
  const { n, promoters, passives, detractors } = stats.nps;
  const ci95 = npsInterval95(promoters, detractors, n);
  if (ci95 === null) return null;
  return { n, sample: sampleFlag(n), score: (100 * (promoters - detractors)) / n, promoters, passives, detractors, ci95 };
}

export function cesScore(stats: RollupStats): Scores['ces'] {
  if (stats.ces.n <= 0) return null;
  return { ...meanOf(stats.ces), sample: sampleFlag(stats.ces.n) };
}

function servqualMeans(stats: ServqualStats) {
  const unscale = (sum: number) => sum / VALUE_SCALE / stats.n;
  return { n: stats.n, expectation: unscale(stats.sumE), perception: unscale(stats.sumP), gap: unscale(stats.sumGap) };
}

export function servqualScore(stats: RollupStats): Scores['servqual'] {
  const { overall } = stats.servqual;
  if (overall.n <= 0) return null;
  const dimensions: NonNull<Scores['servqual']>['dimensions'] = {};
  for (const dimension of SERVQUAL_DIMENSIONS) {
    const dimensionStats = stats.servqual.dimensions[dimension];
    if (dimensionStats.n > 0) dimensions[dimension] = servqualMeans(dimensionStats);
  }
  const gap = unscaledMoments(overall.n, overall.sumGap, overall.sumGapSq);
  return { ...servqualMeans(overall), sample: sampleFlag(overall.n), gapCi95: meanInterval95(gap.n, gap.sum, gap.sumSq), dimensions };
}

export function kanoScores(stats: RollupStats): Scores['kano'] {
  const out: NonNull<Scores['kano']> = {};
  for (const [key, table] of Object.entries(stats.kano)) {
    const result = evaluateKano(table);
    if (result !== null) setOwn(out, decodeFeatureKey(key), result); // a feature may be called `__proto__`
  }
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * Every score of (merged) rollup statistics and the case statistics of the same touchpoints and days,
 * with the service-quality index under `weights`.
 */
export function scoresFromStats(stats: RollupStats, weights: IndexWeights, caseStats: CaseStats = emptyCaseStats()): Scores {
  const csat = csatScore(stats);
  const nps = npsScore(stats);
  const ces = cesScore(stats);
  const servqual = servqualScore(stats);
  const cases = caseScoresFromStats(caseStats);
  const components = indexComponents({
    csatMean: csat?.mean, npsScore: nps?.score, cesMean: ces?.mean, servqualGap: servqual?.gap, fcrPct: cases?.fcr?.pct, slaPct: cases?.slaAttainment?.pct,
  });
  return {
    n: stats.responses,
    sample: sampleFlag(stats.responses),
    csat,
    nps,
    ces,
    servqual,
    kano: kanoScores(stats),
    index: compositeIndex(components, weights),
    indexComponents: components,
    ...(cases ? { cases } : {}),
  };
}
