import { objectIdSchema } from '@shared/http/object-id.schema';
import { isoDaySchema, trendIntervalSchema, trendMetricSchema } from '@shared/scoring/metrics.schema';
import type { TrendInterval, TrendMetric } from '@shared/scoring/metrics.schema';
import { slugSchema } from '@shared/survey-definition/metric-vocabulary';

/** Date-range choices: the last 7, 30 or 90 days (today included), or a custom from/to. */
export const RANGE_PRESETS = ['7', '30', '90', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_RANGE: RangePreset = '30';

/**
 * What the dashboard shows, kept in the URL query so a view can be shared and reloaded. A preset
 * stays relative ("last 30 days" means the last 30 days whenever the link is opened).
 */
export interface DashboardFilters {
  survey?: string;
  range: RangePreset;
  /** Only with `range: 'custom'`. */
  from?: string;
  to?: string;
  channel?: string;
  segment?: string;
  /** Detail page: trend metric and interval. */
  metric?: TrendMetric;
  interval?: TrendInterval;
}

export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** A UTC calendar day as YYYY-MM-DD: rollups are kept per UTC day. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Number of days from `from` to `to`, both included. */
export function daysIn(period: Period): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS) + 1;
}

const valid = <T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: string | null): T | undefined => {
  if (value === null || value === '') return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** Reads filters from a query string; anything malformed is dropped rather than sent to the API. */
export function parseFilters(search: string): DashboardFilters {
  const params = new URLSearchParams(search);
  const filters: DashboardFilters = { range: DEFAULT_RANGE };
  const range = params.get('range');
  const from = valid(isoDaySchema, params.get('from'));
  const to = valid(isoDaySchema, params.get('to'));
  if (range === 'custom') {
    if (from && to && from <= to) Object.assign(filters, { range: 'custom', from, to });
  } else if (range && (RANGE_PRESETS as readonly string[]).includes(range)) {
    filters.range = range as RangePreset;
  }
  const optional = {
    survey: valid(objectIdSchema, params.get('survey')),
    channel: valid(slugSchema, params.get('channel')),
    segment: valid(slugSchema, params.get('segment')),
    metric: valid(trendMetricSchema, params.get('metric')),
    interval: valid(trendIntervalSchema, params.get('interval')),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(filters, { [key]: value });
  return filters;
}

/** The query string for a set of filters, in a stable order; `?` included, empty when nothing is set. */
export function filtersToSearch(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  if (filters.survey) params.set('survey', filters.survey);
  params.set('range', filters.range);
  if (filters.range === 'custom' && filters.from && filters.to) {
    params.set('from', filters.from);
    params.set('to', filters.to);
  }
  for (const key of ['channel', 'segment', 'metric', 'interval'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The concrete days a filter set covers, relative to `today` for presets. */
export function resolvePeriod(filters: DashboardFilters, today: Date = new Date()): Period {
  if (filters.range === 'custom' && filters.from && filters.to) return { from: filters.from, to: filters.to };
  const days = Number(filters.range === 'custom' ? DEFAULT_RANGE : filters.range);
  const to = isoDay(today);
  return { from: addDays(to, -(days - 1)), to };
}

/** The interval a sparkline uses: days for short ranges, weeks beyond a month. */
export function sparklineInterval(period: Period): TrendInterval {
  return daysIn(period) <= 31 ? 'day' : 'week';
}

/** Query parameters shared by the metrics, trend and export calls. */
export function scopeParams(filters: DashboardFilters, period: Period, extra: Record<string, string | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.survey) params.set('survey', filters.survey);
  params.set('from', period.from);
  params.set('to', period.to);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.segment) params.set('segment', filters.segment);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  return params;
}
