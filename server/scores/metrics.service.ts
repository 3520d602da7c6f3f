import { COMPARABLE_METRICS, type Comparison, type MetricsQuery, type MetricsResponse, type TouchpointScores, type TrendMetric, type TrendQuery, type TrendResponse } from '@shared/scoring/metrics.schema';
import { scoresFromStats } from '@shared/scoring/metrics';
import { emptyStats, rollupStatsSchema, sumCounterRows, type RollupStats } from '@shared/scoring/rollup-stats';
import { emptyCaseStats } from '@shared/scoring/case-stats';
import { comparePeriods } from '@shared/scoring/significance';
import { checkTargets } from '@shared/scoring/targets';
import { trendFromDailyStats } from '@shared/scoring/trend';
import { resolveTrendRange } from '@shared/scoring/trend-range';
import { judgedAt } from '@shared/standards/version-in-force';
import { standardsInForce } from '../standards/standard.service';
import { caseStatsByPeriod, caseStatsByTouchpoint, type CaseDimensionsQuery } from '../case-metrics/case-metrics.service';
import { indexWeights } from './index-weights';
import { EPOCH_DAY, ROLLUP_ROW_PROJECTION as PROJECTION, addDays, dayOf, daysBetween, daysFrom, periodReads, type RollupRow } from './period-plan';
import { ClosedPeriodCache, isClosedPeriod } from './rollup-cache';
import { ALL, NONE, RollupModel, rollupKeys, type Grain } from './rollup.model';

const closedPeriods = new ClosedPeriodCache<RollupRow>();

/**
 * The rollups covering [from, to] for one set of dimensions (see periodReads): whole months from month
 * rollups, ragged ends by day, added or subtracted from their month. Closed periods come from the
 * process's cache when it holds them (see ClosedPeriodCache). `keyOf(grain)` names the rollup key
 * (a series, survey slice or touchpoint slice); every read is key = k and period ∈ [explicit list],
 * an index lookup by hash on any store.
 */
/** Rows of one rollup key over listed periods, closed periods from the cache when it holds them. */
async function readPeriods(key: Record<string, string>, periods: string[], sign: 1 | -1 = 1): Promise<RollupRow[]> {
  if (periods.length === 0) return [];
  const epoch = closedPeriods.currentEpoch;
  const cacheKey = (period: string) => `${JSON.stringify(key)}|${period}`;
  const rows: RollupRow[] = [];
  const missing: string[] = [];
  for (const period of periods) {
    const cached = isClosedPeriod(period) ? closedPeriods.get(cacheKey(period)) : undefined;
    if (cached) rows.push(...cached);
    else missing.push(period);
  }
  if (missing.length > 0) {
    // The driver's collection directly: these reads are the dashboard's hot path, and the filter needs no casting.
    const fetched = (await RollupModel.collection.find({ ...key, period: { $in: missing } }, { projection: PROJECTION }).toArray()) as unknown as RollupRow[];
    const byPeriod = new Map<string, RollupRow[]>(missing.map((period) => [period, []]));
    for (const row of fetched) byPeriod.get(row.period)?.push(row);
    for (const [period, periodRows] of byPeriod) if (isClosedPeriod(period)) closedPeriods.set(cacheKey(period), periodRows, epoch);
    rows.push(...fetched);
  }
  return sign === 1 ? rows : rows.map((row) => ({ ...row, sign }));
}

async function readRollups(keyOf: (grain: Grain) => Record<string, string>, from: string | undefined, to: string | undefined): Promise<RollupRow[]> {
  const reads = periodReads(from ?? EPOCH_DAY, to ?? dayOf(new Date()));
  await closedPeriods.sync();
  const rows = await Promise.all([
    readPeriods(keyOf('month'), reads.months),
    readPeriods(keyOf('day'), reads.addDays),
    readPeriods(keyOf('day'), reads.subtractDays, -1),
  ]);
  return rows.flat();
}

/** Sums rows per `groupOf(row)` and parses each sum once (zeros filled, emptied Kano cells dropped). */
function sumRows(rows: readonly RollupRow[], groupOf: (row: RollupRow) => string): Map<string, RollupStats> {
  return new Map([...sumCounterRows(rows, groupOf)].map(([group, sum]) => [group, rollupStatsSchema.parse(sum)]));
}

const statsByTouchpoint = (rows: readonly RollupRow[]) => sumRows(rows, (row) => row.touchpoint);

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
  const comparing = query.from !== undefined && query.to !== undefined;
  const previousRange = comparing ? previousPeriod(query.from as string, query.to as string) : null;
  const [weights, current, previous, cases] = await Promise.all([
    indexWeights(query.weights),
    readRollups(keyOf, query.from, query.to).then(statsByTouchpoint),
    previousRange ? readRollups(keyOf, previousRange.from, previousRange.to).then(statsByTouchpoint) : null,
    caseStatsByTouchpoint(query, query.from, query.to),
  ]);
  // Buckets emptied by deletions or anonymisation remain as zeros; they are not a touchpoint's data.
  // Responses without a touchpoint count in trends, not in the grid. A touchpoint with cases but no
  // responses in the period is listed too (its response scores empty).
  const listed = new Set([...current].filter(([, stats]) => stats.responses > 0).map(([touchpoint]) => touchpoint));
  for (const [touchpoint, stats] of cases) if (stats.cases > 0) listed.add(touchpoint);
  listed.delete(NONE);
  // Judged by the standard of the period's time: a past period by the version in force at its end.
  const standards = await standardsInForce(judgedAt(query.to, new Date()), [...listed]);
  const touchpoints: TouchpointScores[] = [...listed]
    .sort((a, b) => a.localeCompare(b))
    .map((touchpoint) => {
      const stats = current.get(touchpoint) ?? emptyStats();
      const scores = scoresFromStats(stats, weights, cases.get(touchpoint) ?? emptyCaseStats());
      const standard = standards.get(touchpoint);
      return {
        touchpoint,
        ...scores,
        targets: checkTargets(standard?.target ?? {}, scores),
        ...(standard ? { standardVersion: standard.version } : {}),
        ...(previous ? { changes: changesBetween(previous.get(touchpoint) ?? emptyStats(), stats) } : {}),
      };
    });
  return { asOf: new Date().toISOString(), indexWeightsVersion: weights.version, touchpoints };
}

export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/**
 * A metric over time for one touchpoint of a survey (or all its responses pooled), by day, ISO week
 * or month. Without `from`, day and week trends show the last 90 days / 26 weeks up to `to` (today).
 */
export async function metricsTrend(query: TrendQuery): Promise<TrendResponse> {
  const { from, to } = resolveTrendRange(query, dayOf(new Date()));
  return trendOf(keyFor(query), { ...query, from, to }, query);
}

/** The key of one touchpoint's rollups across every survey, optionally of one channel and / or segment. */
function touchpointSliceKey(touchpoint: string, only: { channel?: string | null; segment?: string | null }): (grain: Grain) => Record<string, string> {
  const dims = { touchpoint, channel: only.channel ?? ALL, segment: only.segment ?? ALL };
  return (grain) => ({ touchpointSlice: rollupKeys({ surveyId: '', grain, ...dims }).touchpointSlice });
}

/** One touchpoint's daily trend of `metric` across every survey over [from, to] (an improvement action's before/after chart). */
export async function touchpointTrend(touchpoint: string, metric: TrendMetric, from: string, to: string, only: { channel?: string | null; segment?: string | null } = {}): Promise<TrendResponse> {
  return trendOf(touchpointSliceKey(touchpoint, only), { metric, interval: 'day', from, to }, { touchpoint, channel: only.channel ?? undefined, segment: only.segment ?? undefined });
}

async function trendOf(
  keyOf: (grain: Grain) => Record<string, string>,
  query: { metric: TrendMetric; interval: TrendQuery['interval']; from: string | undefined; to: string | undefined; weights?: number | undefined },
  caseScope: CaseDimensionsQuery,
): Promise<TrendResponse> {
  const { from, to } = query;
  const [weights, rows, cases] = await Promise.all([
    indexWeights(query.weights),
    query.interval === 'month'
      ? readRollups(keyOf, from, to)
      : closedPeriods.sync().then(() => readPeriods(keyOf('day'), daysFrom(from ?? EPOCH_DAY, to ?? dayOf(new Date())))),
    caseStatsByPeriod(caseScope, from, to, query.interval === 'month'),
  ]);
  // Day rows of several touchpoints (or month rows and their ragged-end days) meet in one period.
  const byPeriod = sumRows(rows, (row) => (query.interval === 'month' ? row.period.slice(0, 7) : row.period));
  const periods = [...new Set([...byPeriod.keys(), ...cases.keys()])].sort();
  const days = periods.map((day) => ({ day, stats: byPeriod.get(day) ?? emptyStats(), cases: cases.get(day) ?? emptyCaseStats() }));
  return { metric: query.metric, interval: query.interval, points: trendFromDailyStats(days, query.metric, query.interval, weights) };
}

/**
 * Statistics of one touchpoint across every survey over [from, to] (for target alerts and the check of
 * an improvement action), optionally of one channel and / or segment.
 */
export async function touchpointWindowStats(touchpoint: string, from: string, to: string, only: { channel?: string | null; segment?: string | null } = {}): Promise<RollupStats> {
  const rows = await readRollups(touchpointSliceKey(touchpoint, only), from, to);
  return statsByTouchpoint(rows).get(touchpoint) ?? emptyStats();
}
