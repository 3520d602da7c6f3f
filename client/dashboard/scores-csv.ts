import { csvDocument, type CsvValue } from '@shared/csv/csv-format';
import type { MetricsResponse, TouchpointScores } from '@shared/scoring/metrics.schema';
import { SERVQUAL_DIMENSIONS } from '@shared/survey-definition/metric-vocabulary';
import type { Period } from './dashboard-filters';

type Column = [header: string, value: (scores: TouchpointScores) => CsvValue];

const lo = (ci: readonly [number, number] | null | undefined) => ci?.[0];
const hi = (ci: readonly [number, number] | null | undefined) => ci?.[1];

/** One column per number the metrics reply carries: each metric with its n and 95% interval bounds. */
const COLUMNS: readonly Column[] = [
  ['n', (s) => s.n],
  ['sample', (s) => s.sample],
  ['nps', (s) => s.nps?.score],
  ['nps_ci95_low', (s) => lo(s.nps?.ci95)],
  ['nps_ci95_high', (s) => hi(s.nps?.ci95)],
  ['nps_n', (s) => s.nps?.n],
  ['nps_promoters', (s) => s.nps?.promoters],
  ['nps_passives', (s) => s.nps?.passives],
  ['nps_detractors', (s) => s.nps?.detractors],
  ['csat_satisfied_pct', (s) => s.csat?.satisfiedPct],
  ['csat_satisfied_ci95_low', (s) => lo(s.csat?.ci95)],
  ['csat_satisfied_ci95_high', (s) => hi(s.csat?.ci95)],
  ['csat_mean', (s) => s.csat?.mean],
  ['csat_mean_ci95_low', (s) => lo(s.csat?.meanCi95)],
  ['csat_mean_ci95_high', (s) => hi(s.csat?.meanCi95)],
  ['csat_n', (s) => s.csat?.n],
  ['ces_mean', (s) => s.ces?.mean],
  ['ces_mean_ci95_low', (s) => lo(s.ces?.meanCi95)],
  ['ces_mean_ci95_high', (s) => hi(s.ces?.meanCi95)],
  ['ces_n', (s) => s.ces?.n],
  ['servqual_expectation', (s) => s.servqual?.expectation],
  ['servqual_perception', (s) => s.servqual?.perception],
  ['servqual_gap', (s) => s.servqual?.gap],
  ['servqual_gap_ci95_low', (s) => lo(s.servqual?.gapCi95)],
  ['servqual_gap_ci95_high', (s) => hi(s.servqual?.gapCi95)],
  ['servqual_n', (s) => s.servqual?.n],
  ...SERVQUAL_DIMENSIONS.map((dimension): Column => [`servqual_${dimension}_gap`, (s) => s.servqual?.dimensions[dimension]?.gap]),
  ['index', (s) => s.index],
];

export interface ScoresCsvInput {
  metrics: MetricsResponse;
  period: Period;
  channel?: string | undefined;
  segment?: string | undefined;
  /** Display names by touchpoint key. */
  names: ReadonlyMap<string, string>;
}

/** The scores on screen as CSV, one row per touchpoint, with the scope they were computed for. */
export function scoresCsv({ metrics, period, channel, segment, names }: ScoresCsvInput): string {
  const header = ['touchpoint', 'name', 'from', 'to', 'channel', 'segment', ...COLUMNS.map(([name]) => name)];
  const rows = metrics.touchpoints.map((scores) => [
    scores.touchpoint,
    names.get(scores.touchpoint) ?? scores.touchpoint,
    period.from,
    period.to,
    channel ?? '',
    segment ?? '',
    ...COLUMNS.map(([, value]) => value(scores)),
  ]);
  return csvDocument(header, rows);
}
