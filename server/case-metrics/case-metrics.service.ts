import { caseStatsSchema, emptyCaseStats, type CaseStats } from '@shared/scoring/case-stats';
import { sumCounterRows } from '@shared/scoring/rollup-stats';
import { EPOCH_DAY, ROLLUP_ROW_PROJECTION as PROJECTION, dayOf, daysFrom, periodReads, type RollupRow as CaseRollupRow } from '../scores/period-plan';
import { ALL, NONE, type Grain } from '../scores/rollup.model';
import { CaseRollupModel, caseRollupKeys } from './case-rollup.model';

/** Which cases to read: one touchpoint (or all side by side), and a channel / segment / category (or all). */
export interface CaseDimensionsQuery {
  touchpoint?: string | undefined;
  channel?: string | undefined;
  segment?: string | undefined;
  category?: string | undefined;
}


function keyFor(query: CaseDimensionsQuery): (grain: Grain) => Record<string, string> {
  return (grain): Record<string, string> => {
    const keys = caseRollupKeys({ grain, touchpoint: query.touchpoint ?? NONE, channel: query.channel ?? ALL, segment: query.segment ?? ALL, category: query.category ?? ALL });
    return query.touchpoint === undefined ? { slice: keys.slice } : { series: keys.series };
  };
}

async function readPeriods(key: Record<string, string>, periods: string[], sign: 1 | -1 = 1): Promise<CaseRollupRow[]> {
  if (periods.length === 0) return [];
  const rows = (await CaseRollupModel.collection.find({ ...key, period: { $in: periods } }, { projection: PROJECTION }).toArray()) as unknown as CaseRollupRow[];
  return sign === 1 ? rows : rows.map((row) => ({ ...row, sign }));
}

/** The case rollups covering [from, to]: whole months by month, ragged ends by day (see periodReads). */
async function readRange(query: CaseDimensionsQuery, from: string | undefined, to: string | undefined): Promise<CaseRollupRow[]> {
  const keyOf = keyFor(query);
  const reads = periodReads(from ?? EPOCH_DAY, to ?? dayOf(new Date()));
  const rows = await Promise.all([readPeriods(keyOf('month'), reads.months), readPeriods(keyOf('day'), reads.addDays), readPeriods(keyOf('day'), reads.subtractDays, -1)]);
  return rows.flat();
}

function sumRows(rows: readonly CaseRollupRow[], groupOf: (row: CaseRollupRow) => string): Map<string, CaseStats> {
  return new Map([...sumCounterRows(rows, groupOf)].map(([group, sum]) => [group, caseStatsSchema.parse(sum)]));
}

/** Case statistics per touchpoint of the cases opened in [from, to] (UTC days, inclusive). */
export async function caseStatsByTouchpoint(query: CaseDimensionsQuery, from: string | undefined, to: string | undefined): Promise<Map<string, CaseStats>> {
  return sumRows(await readRange(query, from, to), (row) => row.touchpoint);
}

/** Case statistics of one touchpoint (or all pooled) per day, or per month for month trends. */
export async function caseStatsByPeriod(query: CaseDimensionsQuery, from: string | undefined, to: string | undefined, byMonth: boolean): Promise<Map<string, CaseStats>> {
  const rows = byMonth ? await readRange(query, from, to) : await readPeriods(keyFor(query)('day'), daysFrom(from ?? EPOCH_DAY, to ?? dayOf(new Date())));
  return sumRows(rows, (row) => (byMonth ? row.period.slice(0, 7) : row.period));
}

/** Case statistics of one touchpoint over [from, to], every channel, segment and category (for target alerts). */
export async function touchpointWindowCaseStats(touchpoint: string, from: string, to: string): Promise<CaseStats> {
  return (await caseStatsByTouchpoint({ touchpoint }, from, to)).get(touchpoint) ?? emptyCaseStats();
}
