import { z } from 'zod';
import { KANO_ANSWERS, KANO_SIDES, METRICS, SERVQUAL_DIMENSIONS, SERVQUAL_SIDES, SLUG_MAX_LENGTH, SLUG_PATTERN } from './vocabulary';

// The plain values live in vocabulary.ts (no zod), re-exported here for the code that builds on the schemas.
export { DEFAULT_CHANNELS, KANO_ANSWERS, KANO_SIDES, METRIC_SCALES, METRICS, SERVQUAL_DIMENSIONS, SERVQUAL_SIDES } from './vocabulary';
export type { KanoAnswer, KanoSide, Metric, RatedMetric, ServqualDimension, ServqualSide } from './vocabulary';

export const metricSchema = z.enum(METRICS);
export const servqualDimensionSchema = z.enum(SERVQUAL_DIMENSIONS);
export const servqualSideSchema = z.enum(SERVQUAL_SIDES);
export const kanoSideSchema = z.enum(KANO_SIDES);
export const kanoAnswerSchema = z.enum(KANO_ANSWERS);

/** Lowercase slug used for touchpoint keys, channels and segments (`after-sales`). */
export const slugSchema = z
  .string()
  .min(1)
  .max(SLUG_MAX_LENGTH)
  .regex(SLUG_PATTERN, 'must be a lowercase slug like "after-sales"');
