/**
 * The values of Touchpoint's survey vocabulary, without zod: the respondent page registers SurveyJS
 * properties and reads link tags with them before it loads any schema. metric-vocabulary.ts builds
 * the schemas over these and re-exports them.
 */

/** The service-quality meaning a question can carry; scoring, API and builder all read these. */
export const METRICS = ['csat', 'nps', 'ces', 'servqual', 'kano', 'comment'] as const;
export type Metric = (typeof METRICS)[number];

export const SERVQUAL_DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;
export type ServqualDimension = (typeof SERVQUAL_DIMENSIONS)[number];

export const SERVQUAL_SIDES = ['expectation', 'perception'] as const;
export type ServqualSide = (typeof SERVQUAL_SIDES)[number];

export const KANO_SIDES = ['functional', 'dysfunctional'] as const;
export type KanoSide = (typeof KANO_SIDES)[number];

/** Kano answer values in the order of the standard evaluation table. */
export const KANO_ANSWERS = ['like', 'must-be', 'neutral', 'live-with', 'dislike'] as const;
export type KanoAnswer = (typeof KANO_ANSWERS)[number];

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
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 64;

/** What `slugSchema` accepts, for code that must not load zod. */
export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}
