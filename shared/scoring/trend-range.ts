import { addDays, daysInclusive } from '../http/date-range.schema';

/** A trend's bucket size; the schema (metrics.schema.ts) validates it from this list. */
export const TREND_INTERVALS = ['day', 'week', 'month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** Without `from`, day and week trends show this many days up to `to`; month trends go back to the first data. */
export const DEFAULT_TREND_DAYS = { day: 90, week: 26 * 7, month: 0 } as const;

/**
 * Longest range per trend interval, in days. Day and week trends read one rollup per day, so they are
 * bounded by what a chart can show (two years of days, ten years of weeks); month trends read months
 * and are bounded by the plausible years alone.
 */
export const MAX_TREND_DAYS = { day: 731, week: 3653, month: Number.POSITIVE_INFINITY } as const;

/** The range a trend covers once defaults are applied; `today` is the caller's clock (UTC day). */
export function resolveTrendRange(query: { from?: string | undefined; to?: string | undefined; interval: TrendInterval }, today: string): { from?: string; to?: string } {
  const to = query.to ?? (query.interval === 'month' ? undefined : today);
  const defaultDays = DEFAULT_TREND_DAYS[query.interval];
  const from = query.from ?? (defaultDays > 0 && to !== undefined ? addDays(to, -(defaultDays - 1)) : undefined);
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/** Why a trend query's range is too long for its interval, or null. */
export function trendRangeIssue(query: { from?: string | undefined; to?: string | undefined; interval: TrendInterval }, today: string): string | null {
  const { from, to } = resolveTrendRange(query, today);
  if (from === undefined || to === undefined) return null;
  const days = daysInclusive(from, to);
  const max = MAX_TREND_DAYS[query.interval];
  return days > max ? `a ${query.interval} trend covers at most ${max} days; this one covers ${days}` : null;
}
