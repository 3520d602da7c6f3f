import { Types } from 'mongoose';
import { COMPARABLE_METRICS, type Comparison, type MetricsQuery, type MetricsResponse, type TouchpointScores, type TrendQuery, type TrendResponse } from '@shared/scoring/metrics.schema';
import { scoresFromStats } from '@shared/scoring/metrics';
import { emptyStats, mergeStats, rollupStatsSchema, type RollupStats } from '@shared/scoring/rollup-stats';
import { comparePeriods } from '@shared/scoring/significance';
import { checkTargets } from '@shared/scoring/targets';
import { trendFromDailyStats } from '@shared/scoring/trend';
import type { TouchpointTarget } from '@shared/touchpoints/touchpoint.schema';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { indexWeights } from './index-weights';
import { addDays, dayOf, daysBetween, planPeriods } from './period-plan';
import { ALL, NONE, RollupModel } from './rollup.model';

interface RollupRow {
  touchpoint: string;
  period: string;
  stats: unknown;
}

/**
 * The rollups covering [from, to] for one set of dimensions: whole months from month rollups, ragged
 * ends from day rollups (see planPeriods), so a year is 12 documents per touchpoint.
 */
async function readRollups(match: Record<string, unknown>, from: string | undefined, to: string | undefined): Promise<RollupRow[]> {
  const plan = planPeriods(from, to);
  const projection = { _id: 0, touchpoint: 1, period: 1, stats: 1 };
  const reads: Promise<RollupRow[]>[] = [];
  if (plan.months !== null) {
    const period = Object.keys(plan.months).length > 0 ? { period: plan.months } : {};
    reads.push(RollupModel.find({ ...match, grain: 'month', ...period }, projection).lean<RollupRow[]>());
  }
  for (const days of plan.days) reads.push(RollupModel.find({ ...match, grain: 'day', period: days }, projection).lean<RollupRow[]>());
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

function surveyMatch(query: { survey: string; channel?: string | undefined; segment?: string | undefined }) {
  return { surveyId: new Types.ObjectId(query.survey), channel: query.channel ?? ALL, segment: query.segment ?? ALL };
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
  const match = { ...surveyMatch(query), ...(query.touchpoint ? { touchpoint: query.touchpoint } : { touchpoint: { $ne: NONE } }) };
  const comparing = query.from !== undefined && query.to !== undefined;
  const previousRange = comparing ? previousPeriod(query.from as string, query.to as string) : null;
  const [weights, current, previous] = await Promise.all([
    indexWeights(query.weights),
    readRollups(match, query.from, query.to).then(statsByTouchpoint),
    previousRange ? readRollups(match, previousRange.from, previousRange.to).then(statsByTouchpoint) : null,
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
  const match = { ...surveyMatch(query), ...(query.touchpoint ? { touchpoint: query.touchpoint } : {}) };
  const projection = { _id: 0, period: 1, stats: 1 };
  const [weights, rows] = await Promise.all([
    indexWeights(query.weights),
    query.interval === 'month'
      ? readRollups(match, from, to)
      : RollupModel.find({ ...match, grain: 'day', period: { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } }, projection).lean<RollupRow[]>(),
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
  const rows = await readRollups({ touchpoint, channel: ALL, segment: ALL }, from, to);
  return statsByTouchpoint(rows).get(touchpoint) ?? emptyStats();
}
