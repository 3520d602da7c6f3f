import { LOWER_IS_BETTER, type MetricKey } from '../scoring/metric-keys';

/**
 * Which way is better for a metric an action targets: every response metric rises when service
 * improves (CES is asked 1–7 with 7 = very easy; the SERVQUAL gap is perception − expectation); case
 * times and rates of things that went wrong fall. One list decides it for targets and actions alike.
 */
export function metricDirection(metric: string): 1 | -1 {
  return LOWER_IS_BETTER.has(metric as MetricKey) ? -1 : 1;
}
