import { caseMetricValue } from './case-metric-value';
import { caseScoresFromStats, emptyCaseStats, mergeCaseStats, type CaseStats } from './case-stats';
import type { IndexWeights } from './composite-index';
import { isCaseMetric } from './metric-keys';
import { csatScore, cesScore, npsScore, scoresFromStats, servqualScore } from './metrics';
import type { TrendInterval, TrendMetric, TrendPoint } from './metrics.schema';
import { mergeStats } from './rollup-stats';
import type { RollupStats } from './rollup-stats';
import { sampleFlag } from './sample';

const DAY_MS = 86_400_000;

/** ISO 8601 week of a UTC date, `YYYY-Www`; the week belongs to the year of its Thursday. */
function isoWeek(date: Date): string {
  const mondayBased = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(date.getTime() + (3 - mondayBased) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The trend period of a rollup day `YYYY-MM-DD`: the day itself, its ISO week (`2025-W09`) or its month (`2025-03`). */
export function periodOf(day: string, interval: TrendInterval): string {
  switch (interval) {
    case 'day':
      return day;
    case 'week':
      return isoWeek(new Date(`${day}T00:00:00Z`));
    case 'month':
      return day.slice(0, 7);
  }
}

const noValue = (period: string, n: number): TrendPoint => ({ period, n, value: null, ci95: null, sample: sampleFlag(n) });

/**
 * One point of a trend: the metric's value with its 95% interval (`csat`, `ces`, `servqual-gap`:
 * mean with t interval, scale points; `csat-satisfied`, `nps`: percent with Wilson / normal interval;
 * `index`: 0–100 without interval, `n` counting responses; case metrics from `cases`, without
 * interval, `n` counting the cases the metric is of).
 */
export function trendPointFromStats(period: string, stats: RollupStats, metric: TrendMetric, weights: IndexWeights, cases: CaseStats = emptyCaseStats()): TrendPoint {
  const point = (score: { n: number; sample: TrendPoint['sample'] }, value: number, ci95: TrendPoint['ci95']): TrendPoint => ({
    period, n: score.n, value, ci95, sample: score.sample,
  });
  if (isCaseMetric(metric)) {
    const observed = caseMetricValue(caseScoresFromStats(cases), metric);
    return observed ? point({ n: observed.n, sample: sampleFlag(observed.n) }, observed.value, null) : noValue(period, 0);
  }
  switch (metric) {
    case 'csat': {
      const csat = csatScore(stats);
      return csat ? point(csat, csat.mean, csat.meanCi95) : noValue(period, 0);
    }
    case 'csat-satisfied': {
      const csat = csatScore(stats);
      return csat ? point(csat, csat.satisfiedPct, csat.ci95) : noValue(period, 0);
    }
    case 'nps': {
      const nps = npsScore(stats);
      return nps ? point(nps, nps.score, nps.ci95) : noValue(period, 0);
    }
    case 'ces': {
      const ces = cesScore(stats);
      return ces ? point(ces, ces.mean, ces.meanCi95) : noValue(period, 0);
    }
    case 'servqual-gap': {
      const servqual = servqualScore(stats);
      return servqual ? point(servqual, servqual.gap, servqual.gapCi95) : noValue(period, 0);
    }
    case 'index': {
      const scores = scoresFromStats(stats, weights, cases);
      return scores.index === null ? noValue(period, scores.n) : point(scores, scores.index, null);
    }
  }
}

/** Groups daily rollups (responses, and cases where given) into periods, merging them, and scores each in period order. */
export function trendFromDailyStats(
  days: Iterable<{ day: string; stats: RollupStats; cases?: CaseStats }>,
  metric: TrendMetric,
  interval: TrendInterval,
  weights: IndexWeights,
): TrendPoint[] {
  const periods = new Map<string, { stats: RollupStats; cases: CaseStats }>();
  for (const { day, stats, cases = emptyCaseStats() } of days) {
    const period = periodOf(day, interval);
    const known = periods.get(period);
    periods.set(period, known === undefined ? { stats, cases } : { stats: mergeStats(known.stats, stats), cases: mergeCaseStats(known.cases, cases) });
  }
  return [...periods.keys()].sort().map((period) => {
    const { stats, cases } = periods.get(period)!;
    return trendPointFromStats(period, stats, metric, weights, cases);
  });
}
