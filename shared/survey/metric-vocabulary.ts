import { z } from 'zod';

/** The service-quality meaning a question can carry; scoring, API and builder all read these. */
export const METRICS = ['csat', 'nps', 'ces', 'servqual', 'kano', 'comment'] as const;
export const metricSchema = z.enum(METRICS);
export type Metric = z.infer<typeof metricSchema>;

export const SERVQUAL_DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;
export const servqualDimensionSchema = z.enum(SERVQUAL_DIMENSIONS);
export type ServqualDimension = z.infer<typeof servqualDimensionSchema>;

export const SERVQUAL_SIDES = ['expectation', 'perception'] as const;
export const servqualSideSchema = z.enum(SERVQUAL_SIDES);
export type ServqualSide = z.infer<typeof servqualSideSchema>;

export const KANO_SIDES = ['functional', 'dysfunctional'] as const;
export const kanoSideSchema = z.enum(KANO_SIDES);
export type KanoSide = z.infer<typeof kanoSideSchema>;

/** Kano answer values in the order of the standard evaluation table. */
export const KANO_ANSWERS = ['like', 'must-be', 'neutral', 'live-with', 'dislike'] as const;
export const kanoAnswerSchema = z.enum(KANO_ANSWERS);
export type KanoAnswer = z.infer<typeof kanoAnswerSchema>;

/** Rating scale each rated metric must use. */
export const METRIC_SCALES = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
  servqual: { min: 1, max: 7 },
} as const satisfies Record<string, { min: number; max: number }>;
export type RatedMetric = keyof typeof METRIC_SCALES;

/** Channels every installation starts with; more can be added in settings. */
export const DEFAULT_CHANNELS = ['phone', 'online', 'on-site', 'app'] as const;

/** Lowercase slug used for touchpoint keys, channels and segments (`after-sales`). */
export const slugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "after-sales"');
