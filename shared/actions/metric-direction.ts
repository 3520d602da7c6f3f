/**
 * Which way is better for a metric an action targets. Every response metric is "higher is better"
 * (CES is asked as 1–7 with 7 = very easy; the SERVQUAL gap is perception − expectation; targets are
 * all "at or above"); case times and rates of things that went wrong are "lower is better". The case
 * keys are named here by their metrics-API spelling so they read right the day they join METRIC_KEYS.
 */
const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['frt-p90', 'frt-mean', 'tat-p90', 'tat-mean', 'reopen-rate', 'escalation-rate', 'repeat-rate']);

/** +1 when a rise is an improvement, −1 when a fall is. */
export function metricDirection(metric: string): 1 | -1 {
  return LOWER_IS_BETTER.has(metric) ? -1 : 1;
}
