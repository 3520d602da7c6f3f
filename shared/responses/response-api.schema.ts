import { z } from 'zod';
import { slugSchema } from '../survey/metric-vocabulary';
import { uiLocaleSchema } from '../survey/survey-locale';

/** Why a stored response is suspected to come from a bot; flagged responses are kept but left out of scores. */
export const RESPONSE_FLAGS = ['honeypot', 'too-fast'] as const;
export const responseFlagSchema = z.enum(RESPONSE_FLAGS);
export type ResponseFlag = z.infer<typeof responseFlagSchema>;

/** Name of the honeypot field: hidden from people on the page, tempting to form-filling bots. */
export const HONEYPOT_FIELD = 'website';

/** A personal link's token as `issueResponseToken` makes it: 32 random bytes, base64url. */
export const responseTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the token from your personal link');

/** Ceiling for the page's fill-time report: a day, beyond which the number says nothing more. */
const MAX_ELAPSED_MS = 24 * 3600 * 1000;

/**
 * Body of `POST /api/public/surveys/:slug/responses`. `answers` is checked against the exact published
 * `version` by the shared answer validator, so here it only has to be an object.
 */
export const submitResponseInputSchema = z
  .object({
    version: z.number().int().min(1),
    answers: z.custom<Record<string, unknown>>(
      (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
      'must be an object keyed by question name',
    ),
    /** Made by the page once per answer session; sending it again returns the first result. */
    submissionId: z.uuid({ error: 'must be a UUID' }),
    touchpoint: slugSchema.optional(),
    channel: slugSchema.optional(),
    token: responseTokenSchema.optional(),
    locale: uiLocaleSchema.optional(),
    /** Milliseconds the respondent spent on the survey, as the page measured it. */
    elapsedMs: z.number().int().min(0).max(MAX_ELAPSED_MS),
    [HONEYPOT_FIELD]: z.string().max(2000).optional(),
  })
  .strict();
export type SubmitResponseInput = z.infer<typeof submitResponseInputSchema>;

/** `201` for a new response, `200` when the submissionId was seen before: either way the response's id. */
export const submitResponseReplySchema = z.object({ id: z.string().min(1) });
export type SubmitResponseReply = z.infer<typeof submitResponseReplySchema>;

/** Problem codes the page reacts to with its own message. */
export const RESPONSE_PROBLEM_CODES = {
  tokenUsed: 'token-used',
  tokenExpired: 'token-expired',
} as const;

/** Per-response metric values (respondent level), kept on the response for filtering and later folding. */
export const RESPONSE_METRICS = ['csat', 'nps', 'ces', 'servqualGap'] as const;
export const responseMetricSchema = z.enum(RESPONSE_METRICS);
export type ResponseMetric = z.infer<typeof responseMetricSchema>;
export const responseMetricsSchema = z.partialRecord(responseMetricSchema, z.number());
export type ResponseMetrics = z.infer<typeof responseMetricsSchema>;

const objectIdSchema = z.string().regex(/^[a-f0-9]{24}$/, 'must be an id');
export const responseIdParamsSchema = z.object({ id: objectIdSchema });

const dateParam = z.iso.datetime({ offset: true }).or(z.iso.date()).transform((value) => new Date(value));
const queryFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Query of `GET /api/surveys/:id/responses`; `from` inclusive, `to` exclusive, newest first. */
export const listResponsesQuerySchema = z
  .object({
    touchpoint: slugSchema.optional(),
    channel: slugSchema.optional(),
    from: dateParam.optional(),
    to: dateParam.optional(),
    metric: responseMetricSchema.optional(),
    min: z.coerce.number().finite().optional(),
    max: z.coerce.number().finite().optional(),
    flagged: queryFlag.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().regex(/^\d{1,15}_[a-f0-9]{24}$/, 'must be a nextCursor from an earlier page').optional(),
  })
  .strict()
  .refine((query) => query.metric !== undefined || (query.min === undefined && query.max === undefined), {
    message: 'min and max need a metric',
    path: ['metric'],
  });
export type ListResponsesQuery = z.infer<typeof listResponsesQuerySchema>;

export const storedResponseSchema = z.object({
  id: z.string(),
  surveyId: z.string(),
  version: z.number().int(),
  answers: z.record(z.string(), z.unknown()),
  metrics: responseMetricsSchema,
  touchpoint: z.string().nullable(),
  channel: z.string().nullable(),
  contactId: z.string().nullable(),
  distributionId: z.string().nullable(),
  locale: z.string().nullable(),
  userAgent: z.string().nullable(),
  flags: z.array(responseFlagSchema),
  elapsedMs: z.number().nullable(),
  submittedAt: z.string(),
});
export type StoredResponse = z.infer<typeof storedResponseSchema>;

export const responseListSchema = z.object({
  responses: z.array(storedResponseSchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ResponseList = z.infer<typeof responseListSchema>;
