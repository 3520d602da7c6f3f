/**
 * The one spelling of each metric across targets, alerts, the metrics API and the dashboard.
 * It is the metrics API's public spelling (`?metric=`, comparison `metric`), which stays as it was;
 * targets and alerts took these keys over from their former camelCase names (see LEGACY_TARGET_KEYS).
 */
export const COMPARABLE_METRIC_KEYS = ['csat', 'csat-satisfied', 'nps', 'ces', 'servqual-gap'] as const;
/**
 * Service-case metrics (shared/scoring/case-stats), read from the case rollups: times in seconds,
 * rates in percent, resolution CSAT 1–5. They have no two-sample test either.
 */
export const CASE_METRIC_KEYS = ['frt-p90', 'tat-p90', 'fcr', 'sla-attainment', 'reopen-rate', 'escalation-rate', 'repeat-rate', 'resolution-csat'] as const;
export type CaseMetricKey = (typeof CASE_METRIC_KEYS)[number];
/** The comparable metrics plus the composite `index` and the case metrics. */
export const METRIC_KEYS = [...COMPARABLE_METRIC_KEYS, 'index', ...CASE_METRIC_KEYS] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** Metrics where less is better (times, reopen, escalation and repeat rates): a target on them is a ceiling. */
export const LOWER_IS_BETTER: ReadonlySet<MetricKey> = new Set<MetricKey>(['frt-p90', 'tat-p90', 'reopen-rate', 'escalation-rate', 'repeat-rate']);

export const isCaseMetric = (key: string): key is CaseMetricKey => (CASE_METRIC_KEYS as readonly string[]).includes(key);

/** Former target and alert keys, renamed in stored documents at start-up and refused (400) on input. */
export const LEGACY_TARGET_KEYS = {
  csatMean: 'csat',
  csatSatisfiedPct: 'csat-satisfied',
  servqualGap: 'servqual-gap',
} as const satisfies Record<string, MetricKey>;
export type LegacyTargetKey = keyof typeof LEGACY_TARGET_KEYS;

/** A stored target object with any former keys renamed (a key already under its new name is kept). */
export function withCurrentTargetKeys(target: Record<string, unknown>): Record<string, unknown> {
  const renamed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(target)) {
    const key = Object.hasOwn(LEGACY_TARGET_KEYS, field) ? LEGACY_TARGET_KEYS[field as LegacyTargetKey] : field;
    if (key === field || !Object.hasOwn(target, key)) renamed[key] = value;
  }
  return renamed;
}
