import { COMPARABLE_METRICS, type Comparison, type MetricsQuery, type MetricsResponse, type TouchpointScores, type TrendQuery, type TrendResponse } from '@shared/scoring/metrics.schema';
import { scoresFromStats } from '@shared/scoring/metrics';
import { emptyStats, mergeStats, rollupStatsSchema, type RollupStats } from '@shared/scoring/rollup-stats';
import { comparePeriods } from '@shared/scoring/significance';
import { checkTargets } from '@shared/scoring/targets';
import { trendFromDailyStats } from '@shared/scoring/trend';
import type { TouchpointTarget } from '@shared/touchpoints/touchpoint.schema';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { indexWeights } from './index-weights';
import { addDays, dayOf, daysBetween, daysFrom, monthsBetween, planPeriods } from './period-plan';
import { ALL, NONE, RollupModel, rollupKeys, type Grain } from './rollup.model';

interface RollupRow {
  touchpoint: string;
  period: string;
  stats: unknown;
}

/** Earliest month "all time" reaches back to; rollups are keyed by UTC day, so any earlier data would be from a wrong clock. */
const EPOCH_DAY = '2000-01-01';

/**
 * The rollups covering [from, to] for one set of dimensions: whole months from month rollups, ragged
 * ends from day rollups (see planPeriods), so a year is 12 documents per touchpoint. `keyOf(grain)`
 * names the rollup key (a series, survey slice or touchpoint slice); every read is key = k and
 * period ∈ [explicit list], an index lookup by hash on any store.
 */
async function readRollups(keyOf: (grain: Grain) => Record<string, string>, from: string | undefined, to: string | undefined, residual: Record<string, unknown> = {}): Promise<RollupRow[]> {
  const plan = planPeriods(from ?? EPOCH_DAY, to ?? dayOf(new Date()));
  const projection = { _id: 0, touchpoint: 1, period: 1, stats: 1 };
  const reads: Promise<RollupRow[]>[] = [];
  if (plan.months !== null) {
    const months = monthsBetween(plan.months.$gte as string, plan.months.$lte as string);
    if (months.length > 0) reads.push(RollupModel.find({ ...keyOf('month'), period: { $in: months }, ...residual }, projection).lean<RollupRow[]>());
  }
  const days = plan.days.flatMap((range) => daysFrom(range.$gte, range.$lte));
  if (days.length > 0) reads.push(RollupModel.find({ ...keyOf('day'), period: { $in: days }, ...residual }, projection).lean<RollupRow[]>());
  return (await Promise.all(reads)).flat();
}

/** Sums rows per touchpoint (rollup documents hold only the counters `$inc` touched). */
function statsByTouchpoint(rows: readonly RollupRow[]): Map<string, RollupStats> {
  const out = new Map<string, RollupStats>();
  for (const row of rows) {
    const stats = rollupStatsSchema.parse(row.stats);
    const known = out.get(row.touchpoint);
    out.set(row.touchpoint, known === undefined ? stats : mergeStats(known, stats));
  }
  return out;
}

type Dimensions = { survey: string; channel?: string | undefined; segment?: string | undefined; touchpoint?: string | undefined };

/** The rollup key a query reads: one touchpoint's series, or the survey slice holding all its touchpoints. */
function keyFor(query: Dimensions): (grain: Grain) => Record<string, string> {
  return (grain): Record<string, string> => {
    const keys = rollupKeys({ surveyId: query.survey, grain, touchpoint: query.touchpoint ?? NONE, channel: query.channel ?? ALL, segment: query.segment ?? ALL });
    return query.touchpoint === undefined ? { slice: keys.slice } : { series: keys.series };
  };
}

/** Period-over-period tests of every comparable metric (`reason: 'no-data'` when a period has none). */
function changesBetween(previous: RollupStats, current: RollupStats): Comparison[] {
  return COMPARABLE_METRICS.map((metric) => comparePeriods(previous, current, metric));
}

/**
 * Scores per touchpoint of one survey over [from, to] (UTC days, inclusive), optionally for one
 * channel / segment / touchpoint; with both bounds, each touchpoint also gets its changes against the
 * previous period of the same length. Responses without a touchpoint are left out of the grid.
 */
export async function touchpointMetrics(query: MetricsQuery): Promise<MetricsResponse> {
  const keyOf = keyFor(query);
  const residual = { touchpoint: { $ne: NONE } };
  const comparing = query.from !== undefined && query.to !== undefined;
  const previousRange = comparing ? previousPeriod(query.from as string, query.to as string) : null;
  const [weights, current, previous] = await Promise.all([
    indexWeights(query.weights),
    readRollups(keyOf, query.from, query.to, residual).then(statsByTouchpoint),
    previousRange ? readRollups(keyOf, previousRange.from, previousRange.to, residual).then(statsByTouchpoint) : null,
  ]);
  const targets = await targetsOf([...current.keys()]);
  // Buckets emptied by deletions or anonymisation remain as zeros; they are not a touchpoint's data.
  const touchpoints: TouchpointScores[] = [...current.entries()]
    .filter(([, stats]) => stats.responses > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([touchpoint, stats]) => {
      const scores = scoresFromStats(stats, weights);
      return {
        touchpoint,
        ...scores,
        targets: checkTargets(targets.get(touchpoint) ?? {}, scores),
        ...(previous ? { changes: changesBetween(previous.get(touchpoint) ?? emptyStats(), stats) } : {}),
      };
    });
  return { asOf: new Date().toISOString(), indexWeightsVersion: weights.version, touchpoints };
}

export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

async function targetsOf(keys: string[]): Promise<Map<string, TouchpointTarget>> {
  const docs = await TouchpointModel.find({ key: { $in: keys } }, { key: 1, target: 1 }).lean();
  return new Map(docs.map((doc) => [doc.key, (doc.target ?? {}) as TouchpointTarget]));
}

const DEFAULT_TREND_DAYS = { day: 90, week: 26 * 7, month: 0 } as const;

/**
 * A metric over time for one touchpoint of a survey (or all its responses pooled), by day, ISO week
 * or month. Without `from`, day and week trends show the last 90 days / 26 weeks up to `to` (today).
 */
export async function metricsTrend(query: TrendQuery): Promise<TrendResponse> {
  const to = query.to ?? (query.interval === 'month' ? undefined : dayOf(new Date()));
  const defaultDays = DEFAULT_TREND_DAYS[query.interval];
  const from = query.from ?? (defaultDays > 0 && to !== undefined ? addDays(to, -(defaultDays - 1)) : undefined);
  const keyOf = keyFor(query);
  const [weights, rows] = await Promise.all([
    indexWeights(query.weights),
    query.interval === 'month'
      ? readRollups(keyOf, from, to)
      : RollupModel.find({ ...keyOf('day'), period: { $in: daysFrom(from ?? EPOCH_DAY, to ?? dayOf(new Date())) } }, { _id: 0, period: 1, stats: 1 }).lean<RollupRow[]>(),
  ]);
  // Day rows of several touchpoints (or month rows next to ragged-end days) meet in the same period.
  const byPeriod = new Map<string, RollupStats>();
  for (const row of rows) {
    const stats = rollupStatsSchema.parse(row.stats);
    const known = byPeriod.get(row.period);
    byPeriod.set(row.period, known === undefined ? stats : mergeStats(known, stats));
  }
  const days = [...byPeriod.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, stats]) => ({ day, stats }));
  return { metric: query.metric, interval: query.interval, points: trendFromDailyStats(days, query.metric, query.interval, weights) };
}

/** Statistics of one touchpoint across every survey over [from, to] (for target alerts). */
export async function touchpointWindowStats(touchpoint: string, from: string, to: string): Promise<RollupStats> {
  const rows = await readRollups((grain) => ({ touchpointSlice: rollupKeys({ surveyId: '', grain, touchpoint, channel: ALL, segment: ALL }).touchpointSlice }), from, to);
  return statsByTouchpoint(rows).get(touchpoint) ?? emptyStats();
}
