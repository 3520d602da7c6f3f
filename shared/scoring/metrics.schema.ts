import { z } from 'zod';
import { objectIdSchema } from '../http/object-id.schema';
import { COMPARABLE_METRIC_KEYS, METRIC_KEYS } from './metric-keys';
import { servqualDimensionSchema, slugSchema } from '../survey-definition/metric-vocabulary';
import { caseScoresSchema } from './case-stats';
import { indexComponentSchema } from './composite-index';
import { KANO_CATEGORIES, kanoCategorySchema } from './kano';
import { CSAT_LEVELS } from './rollup-stats';
import { sampleFlagSchema } from './sample';
import { targetCheckSchema } from './target.schema';
import { keyedObject } from './keyed-object';
import { TREND_INTERVALS, trendRangeIssue, type TrendInterval } from './trend-range';
import { dayOf, plausibleDaySchema } from '../http/date-range.schema';

/** [lo, hi]; in percentage points for `ci95`, in scale points for `meanCi95` / `gapCi95`. */
export const intervalSchema = z.tuple([z.number(), z.number()]);
const count = z.number().int().min(0);

export const csatScoreSchema = z.object({
  n: count,
  sample: sampleFlagSchema,
  /** Mean of respondents' CSAT, 1–5. */
  mean: z.number(),
  /** t interval of the mean (scale points); null below 2 respondents. */
  meanCi95: intervalSchema.nullable(),
  /** Respondents whose CSAT is 4 or more, percent. */
  satisfiedPct: z.number(),
  /** Wilson interval of satisfiedPct, percentage points. */
  ci95: intervalSchema,
  /** Respondents per CSAT level (a respondent's averaged CSAT rounded down). */
  distribution: keyedObject(CSAT_LEVELS, count),
});

export const npsScoreSchema = z.object({
  n: count,
  sample: sampleFlagSchema,
  /** %promoters − %detractors, −100–100. */
  score: z.number(),
  promoters: count,
  passives: count,
  detractors: count,
  /** Normal interval, SE = 100·sqrt((p + d − (p − d)²)/n), percentage points. */
  ci95: intervalSchema,
});

export const cesScoreSchema = z.object({
  n: count,
  sample: sampleFlagSchema,
  /** Mean of respondents' CES, 1–7, higher = easier. */
  mean: z.number(),
  meanCi95: intervalSchema.nullable(),
});

const servqualMeansSchema = z.object({ n: count, expectation: z.number(), perception: z.number(), gap: z.number() });

export const servqualScoreSchema = servqualMeansSchema.extend({
  sample: sampleFlagSchema,
  /** t interval of the overall gap, scale points; null below 2 respondents. */
  gapCi95: intervalSchema.nullable(),
  /** Only dimensions someone answered with both expectation and perception. */
  dimensions: z.partialRecord(servqualDimensionSchema, servqualMeansSchema),
});

export const kanoFeatureScoreSchema = z.object({
  n: count,
  category: kanoCategorySchema,
  better: z.number().nullable(),
  worse: z.number().nullable(),
  counts: keyedObject(KANO_CATEGORIES, count),
});

/** Metrics that can be compared between periods and plotted over time (besides `index`). */
export const COMPARABLE_METRICS = COMPARABLE_METRIC_KEYS;
export const comparableMetricSchema = z.enum(COMPARABLE_METRICS);
export type ComparableMetric = z.infer<typeof comparableMetricSchema>;

/** Result of a period-over-period test; `delta` is current − previous (percentage points for pct metrics). */
export const comparisonSchema = z.object({
  metric: comparableMetricSchema,
  delta: z.number().nullable(),
  pValue: z.number().nullable(),
  significant: z.boolean(),
  test: z.enum(['welch-t', 'two-proportion-z', 'nps-difference-z']),
  statistic: z.number().nullable(),
  /** Degrees of freedom (Welch only). */
  df: z.number().optional(),
  /** Why no significance could be claimed. */
  reason: z.enum(['no-data', 'insufficient-n', 'zero-variance']).optional(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/** Scores of one set of rollups; `n` counts responses, each metric's `n` its respondents. */
export const scoresSchema = z.object({
  n: count,
  sample: sampleFlagSchema,
  csat: csatScoreSchema.nullable(),
  nps: npsScoreSchema.nullable(),
  ces: cesScoreSchema.nullable(),
  servqual: servqualScoreSchema.nullable(),
  /** Keyed by feature id as set on the questions. */
  kano: z.record(z.string(), kanoFeatureScoreSchema).nullable(),
  /** Service-quality index 0–100; null when no weighted component has data. */
  index: z.number().nullable(),
  /** The normalised 0–100 components that went into the index. */
  indexComponents: z.partialRecord(indexComponentSchema, z.number()),
  /**
   * Service cases of the touchpoint opened in the period (FRT, TAT, SLA, FCR...); cases belong to no
   * survey, so they are the same whichever survey is asked for. Absent when no case was opened, so
   * response-only scores read as before.
   */
  cases: caseScoresSchema.optional(),
});
export type Scores = z.infer<typeof scoresSchema>;

export const touchpointScoresSchema = scoresSchema.extend({
  touchpoint: slugSchema,
  /** Each target set on the touchpoint, checked against these scores. */
  targets: z.array(targetCheckSchema),
  /**
   * The version of the touchpoint's standard the targets come from: the one in force at the end of the
   * period (now, for a period not over yet). Absent when the touchpoint has no standard.
   */
  standardVersion: z.number().int().min(1).optional(),
  /**
   * Change against the previous period of the same length (only when `from` and `to` are given);
   * `significant` only when the stated two-sample test says so at α = 0.05.
   */
  changes: z.array(comparisonSchema).optional(),
});
export type TouchpointScores = z.infer<typeof touchpointScoresSchema>;

/** Reply of GET /api/metrics. */
export const metricsResponseSchema = z.object({
  /** When the scores were computed (ISO date-time). */
  asOf: z.iso.datetime({ offset: true }),
  /** Version of the index weights used. */
  indexWeightsVersion: z.number().int().min(0).optional(),
  touchpoints: z.array(touchpointScoresSchema),
});
export type MetricsResponse = z.infer<typeof metricsResponseSchema>;


export const TREND_METRICS = METRIC_KEYS;
export const trendMetricSchema = z.enum(TREND_METRICS);
export type TrendMetric = z.infer<typeof trendMetricSchema>;

export { TREND_INTERVALS, type TrendInterval };
export const trendIntervalSchema = z.enum(TREND_INTERVALS);

export const trendPointSchema = z.object({
  /** `YYYY-MM-DD` (day), `YYYY-Www` ISO week, or `YYYY-MM` (month). */
  period: z.string(),
  n: count,
  value: z.number().nullable(),
  ci95: intervalSchema.nullable(),
  sample: sampleFlagSchema,
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

/** Reply of GET /api/metrics/trend. */
export const trendResponseSchema = z.object({
  metric: trendMetricSchema,
  interval: trendIntervalSchema,
  points: z.array(trendPointSchema),
});
export type TrendResponse = z.infer<typeof trendResponseSchema>;


/** A day inside the plausible years: every period list is built from these. */
export const isoDaySchema = plausibleDaySchema;

const rangeQuery = z.object({
  survey: objectIdSchema,
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
  channel: slugSchema.optional(),
  segment: slugSchema.optional(),
  /** Case category: narrows the case metrics only (responses have no category). */
  category: z.string().trim().min(1).max(100).optional(),
  /** Index weights version to score with (default: the newest), so an old report can be reproduced. */
  weights: z.coerce.number().int().min(0).optional(),
});
// YYYY-MM-DD strings compare in date order.
const fromNotAfterTo = (q: { from?: string | undefined; to?: string | undefined }) => q.from === undefined || q.to === undefined || q.from <= q.to;
const rangeMessage = { message: '`from` must not be after `to`', path: ['from'] };

/** Query of GET /api/metrics; without `touchpoint` every touchpoint of the survey is reported. */
export const metricsQuerySchema = rangeQuery.extend({ touchpoint: slugSchema.optional() }).refine(fromNotAfterTo, rangeMessage);
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

/** Query of GET /api/metrics/trend; without `touchpoint` the survey's touchpoints are pooled. */
export const trendQuerySchema = rangeQuery
  .extend({ touchpoint: slugSchema.optional(), metric: trendMetricSchema, interval: trendIntervalSchema.default('day') })
  .refine(fromNotAfterTo, rangeMessage)
  // The edge is where the request meets the clock; the span rule itself is a pure function of `today`.
  .superRefine((query, ctx) => {
    const issue = trendRangeIssue(query, dayOf(new Date()));
    if (issue !== null) ctx.addIssue({ code: 'custom', message: issue, path: ['from'] });
  });
export type TrendQuery = z.infer<typeof trendQuerySchema>;

/**
 * Query of GET /api/metrics/touchpoints.xlsx: the metrics query, plus the interval of the trend sheet
 * (month by default); unknown options are refused.
 */
export const scoresExportQuerySchema = rangeQuery
  .extend({ touchpoint: slugSchema.optional(), interval: trendIntervalSchema.default('month') })
  .strict()
  .refine(fromNotAfterTo, rangeMessage)
  .superRefine((query, ctx) => {
    const issue = trendRangeIssue(query, dayOf(new Date()));
    if (issue !== null) ctx.addIssue({ code: 'custom', message: issue, path: ['from'] });
  });
export type ScoresExportQuery = z.infer<typeof scoresExportQuerySchema>;
