import { z } from 'zod';
import { objectIdSchema } from '../http/object-id.schema';
import { plausibleDaySchema } from '../http/date-range.schema';
import { csatScoreSchema, npsScoreSchema } from '../scoring/metrics.schema';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { themeKeySchema, themeSchema } from './theme.schema';

/** Body of POST /api/themes. */
export const themeInputSchema = themeSchema;
export type ThemeInput = z.infer<typeof themeInputSchema>;

/** Body of PUT /api/themes/:key: everything but the key, which names the theme in stored tags and rollups. */
export const themeUpdateSchema = themeSchema.omit({ key: true });
export type ThemeUpdate = z.infer<typeof themeUpdateSchema>;

export const themeKeyParamsSchema = z.object({ key: themeKeySchema }).strict();

/** A theme as the API returns it. */
export const storedThemeSchema = themeSchema.extend({ updatedAt: z.iso.datetime({ offset: true }) });
export type StoredTheme = z.infer<typeof storedThemeSchema>;

/**
 * Whether stored tags and theme rollups follow the current themes: every edit raises `revision`; the
 * re-tagging job brings `taggedRevision` up to it.
 */
export const themeRetagStatusSchema = z.object({
  revision: z.number().int().min(0),
  taggedRevision: z.number().int().min(0),
  state: z.enum(['idle', 'waiting', 'active', 'failed']),
  /** Folded responses re-tagged so far by the running job, of `total`. */
  progress: z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }).nullable(),
});
export type ThemeRetagStatus = z.infer<typeof themeRetagStatusSchema>;

/** Reply of GET /api/themes. */
export const themeListSchema = z.object({ themes: z.array(storedThemeSchema), retag: themeRetagStatusSchema });
export type ThemeList = z.infer<typeof themeListSchema>;

const fromNotAfterTo = (q: { from?: string | undefined; to?: string | undefined }) => q.from === undefined || q.to === undefined || q.from <= q.to;

/** Query of GET /api/metrics/themes: one survey, optionally one touchpoint, channel, segment; a UTC day range. */
export const themeMetricsQuerySchema = z
  .object({
    survey: objectIdSchema,
    touchpoint: slugSchema.optional(),
    channel: slugSchema.optional(),
    segment: slugSchema.optional(),
    from: plausibleDaySchema.optional(),
    to: plausibleDaySchema.optional(),
    /** How many frequent terms to list per touchpoint. */
    terms: z.coerce.number().int().min(0).max(100).default(20),
  })
  .strict()
  .refine(fromNotAfterTo, { message: '`from` must not be after `to`', path: ['from'] });
export type ThemeMetricsQuery = z.infer<typeof themeMetricsQuerySchema>;

const count = z.number().int().min(0);

/** One theme in one touchpoint: how many commented responses mention it, and their scores. */
export const themeScoresSchema = z.object({
  key: z.string(),
  name: z.object({ en: z.string(), 'zh-CN': z.string() }),
  /** Responses whose comments mention the theme. */
  n: count,
  /** n / commented responses, 0–1. */
  share: z.number(),
  nps: npsScoreSchema.nullable(),
  csat: csatScoreSchema.nullable(),
  /** Against the previous period of the same length (only with `from` and `to`). */
  previous: z.object({ n: count, share: z.number() }).optional(),
});
export type ThemeScores = z.infer<typeof themeScoresSchema>;

/** A frequent term of the period and its move against the previous period (shared/themes/term-changes). */
export const termFrequencySchema = z.object({
  term: z.string(),
  /** Comments mentioning the term in the period. */
  count,
  /** Change in the share of comments mentioning it, −1–1; null without a previous period. */
  shareChange: z.number().nullable(),
  significant: z.boolean(),
});
export type TermFrequency = z.infer<typeof termFrequencySchema>;

export const touchpointThemesSchema = z.object({
  touchpoint: z.string(),
  /** Responses with a comment. */
  commented: count,
  themes: z.array(themeScoresSchema),
  terms: z.array(termFrequencySchema),
  /** Whether the term counts read only the newest comments of a very busy period. */
  termsSampled: z.boolean(),
});
export type TouchpointThemes = z.infer<typeof touchpointThemesSchema>;

/** Reply of GET /api/metrics/themes. */
export const themeMetricsResponseSchema = z.object({ asOf: z.iso.datetime({ offset: true }), touchpoints: z.array(touchpointThemesSchema) });
export type ThemeMetricsResponse = z.infer<typeof themeMetricsResponseSchema>;
