import type { Alert } from '@shared/scoring/alerts.schema';
import type { Comparison, ComparableMetric, TouchpointScores, TrendMetric } from '@shared/scoring/metrics.schema';
import type { SampleFlag } from '@shared/scoring/sample';
import type { TargetCheck } from '@shared/scoring/target.schema';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/i18n-context';

type Interval = readonly [number, number] | null;

const METRIC_NAME_KEYS: Record<TrendMetric, MessageKey> = {
  nps: 'dashboard.metric.nps',
  csat: 'dashboard.metric.csat',
  'csat-satisfied': 'dashboard.metric.csat-satisfied',
  ces: 'dashboard.metric.ces',
  'servqual-gap': 'dashboard.metric.servqual-gap',
  index: 'dashboard.metric.index',
  'frt-p90': 'dashboard.metric.frt-p90',
  'tat-p90': 'dashboard.metric.tat-p90',
  fcr: 'dashboard.metric.fcr',
  'sla-attainment': 'dashboard.metric.sla-attainment',
  'reopen-rate': 'dashboard.metric.reopen-rate',
  'escalation-rate': 'dashboard.metric.escalation-rate',
  'repeat-rate': 'dashboard.metric.repeat-rate',
  'resolution-csat': 'dashboard.metric.resolution-csat',
};

const TEST_KEYS: Record<Comparison['test'], MessageKey> = {
  'welch-t': 'dashboard.test.welch-t',
  'two-proportion-z': 'dashboard.test.two-proportion-z',
  'nps-difference-z': 'dashboard.test.nps-difference-z',
};

/** Metrics measured in percentage points (their deltas read "points"). */
const POINT_METRICS = new Set<string>(['nps', 'csat-satisfied']);

/** Metrics shown with a percent sign. */
const PERCENT_METRICS = new Set<string>(['csat-satisfied', 'fcr', 'sla-attainment', 'reopen-rate', 'escalation-rate', 'repeat-rate']);

/** Decimals each metric is shown with: NPS and percentages to 0.1 point, 1–7 means to 0.01. */
const DIGITS: Record<TrendMetric, number> = {
  nps: 1, 'csat-satisfied': 1, csat: 2, ces: 2, 'servqual-gap': 2, index: 1,
  'frt-p90': 0, 'tat-p90': 0, fcr: 1, 'sla-attainment': 1, 'reopen-rate': 1, 'escalation-rate': 1, 'repeat-rate': 1, 'resolution-csat': 2,
};

/** Turns scores into the sentences a person reads on the dashboard, in the current language. */
export function createScoreText(t: Translate, locale: string) {
  const formats = new Map<string, Intl.NumberFormat>();
  const number = (value: number, digits = 1, sign: 'negative' | 'exceptZero' = 'negative') => {
    const key = `${digits}${sign}`;
    let format = formats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, signDisplay: sign });
      formats.set(key, format);
    }
    return format.format(value);
  };
  const withInterval = (value: string, ci: Interval, digits: number) =>
    ci ? t('dashboard.value.withInterval', { value, lo: number(ci[0], digits), hi: number(ci[1], digits) }) : value;
  const percent = (value: number, digits = 1) => t('dashboard.value.percent', { value: number(value, digits) });

  const metricName = (metric: TrendMetric) => t(METRIC_NAME_KEYS[metric]);

  /** A metric's value as shown on its own (percent sign where it is a percentage). */
  const metricValue = (metric: TrendMetric, value: number) => (PERCENT_METRICS.has(metric) ? percent(value, DIGITS[metric]) : number(value, DIGITS[metric]));

  const pValue = (p: number | null) => (p === null ? null : p < 0.001 ? t('dashboard.pValueSmall') : t('dashboard.pValue', { p: number(p, 3) }));

  return {
    number,
    metricName,
    metricValue,
    digits: (metric: TrendMetric) => DIGITS[metric],

    /** "25 (95% CI -0.7 to 50.7)" */
    nps: (nps: NonNullable<TouchpointScores['nps']>) => withInterval(number(nps.score, 1), nps.ci95, 1),
    /** "82.5% (95% CI 75 to 88.1)" */
    csatSatisfied: (csat: NonNullable<TouchpointScores['csat']>) => withInterval(percent(csat.satisfiedPct), csat.ci95, 1),
    csatMean: (csat: NonNullable<TouchpointScores['csat']>) => withInterval(number(csat.mean, 2), csat.meanCi95, 2),
    ces: (ces: NonNullable<TouchpointScores['ces']>) => withInterval(number(ces.mean, 2), ces.meanCi95, 2),
    servqualGap: (servqual: NonNullable<TouchpointScores['servqual']>) => withInterval(number(servqual.gap, 2), servqual.gapCi95, 2),
    index: (index: number) => number(index, 1),
    percent,
    trendValue: (metric: TrendMetric, value: number, ci: Interval) => withInterval(metricValue(metric, value), ci, DIGITS[metric]),

    /** "Insufficient sample (n=12)", "Low sample (n=56)" or "n=240". */
    sample: (flag: SampleFlag, n: number) => t(`dashboard.sample.${flag}`, { n }),

    /** "NPS ≥ 30: missed (25)" or "NPS ≥ 30: no verdict, 12 of 30 responses". */
    target(check: TargetCheck): string {
      const metric = metricName(check.metric);
      const shown = (value: number) => (PERCENT_METRICS.has(check.metric) ? percent(value, 1) : number(value, DIGITS[check.metric] === 0 ? 0 : 2));
      const status =
        check.status === 'met'
          ? t('dashboard.target.met')
          : check.status === 'missed'
            ? t('dashboard.target.missed', { value: shown(check.value ?? 0) })
            : check.status === 'insufficient'
              ? t('dashboard.target.insufficient', { n: check.n, minN: check.minN })
              : t('dashboard.target.no-data');
      return t('dashboard.target.line', { metric, target: shown(check.target), status });
    },

    /** "2025-03-30: NPS fell below its target of 30 (25, n=40, last 7 days)" */
    alert(alert: Alert, date: string): string {
      const params = { date, metric: metricName(alert.metric), target: number(alert.target, 2), value: number(alert.value, 2), n: alert.n, window: alert.window };
      return t(alert.kind === 'breach' ? 'dashboard.alerts.breach' : 'dashboard.alerts.recovery', params);
    },

    /**
     * One period-over-period comparison: a change is called significant only when the server's named
     * test says so; otherwise the sentence is "no detectable change", and why when the sample was too small.
     */
    change(comparison: Comparison): string {
      const metric = metricName(comparison.metric);
      if (comparison.reason === 'no-data') return t('dashboard.change.noData', { metric });
      if (comparison.reason === 'insufficient-n') return t('dashboard.change.insufficient', { metric });
      const test = t(TEST_KEYS[comparison.test]);
      const p = pValue(comparison.pValue);
      const evidence = p ? t('dashboard.change.evidence', { test, p }) : test;
      if (comparison.significant && comparison.delta !== null) {
        const digits = DIGITS[comparison.metric];
        const delta = POINT_METRICS.has(comparison.metric)
          ? t('dashboard.delta.points', { delta: number(comparison.delta, digits, 'exceptZero') })
          : number(comparison.delta, digits, 'exceptZero');
        return t('dashboard.change.significant', { metric, delta, evidence });
      }
      return t('dashboard.change.none', { metric, evidence });
    },
  };
}

export type ScoreText = ReturnType<typeof createScoreText>;

/** The metrics worth a headline on a card, in the order shown: what the survey measured. */
export function headlineMetrics(scores: TouchpointScores): ComparableMetric[] {
  const out: ComparableMetric[] = [];
  if (scores.nps) out.push('nps');
  if (scores.csat) out.push('csat-satisfied');
  if (!scores.nps && !scores.csat && scores.ces) out.push('ces');
  if (!scores.nps && !scores.csat && scores.servqual) out.push('servqual-gap');
  return out;
}

/** The metric a touchpoint's sparkline follows: its first headline metric, else the index. */
export function sparklineMetric(scores: TouchpointScores): TrendMetric {
  return headlineMetrics(scores)[0] ?? 'index';
}
