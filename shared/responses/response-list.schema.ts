import { z } from 'zod';
import { objectIdSchema } from '../http/object-id.schema';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { plausibleDateParamSchema } from '../http/date-range.schema';
import { responseFlagSchema } from './response-api.schema';
import { followUpFilterSchema, responseFollowUpSchema } from '../follow-up/follow-up-rule.schema';

// Staff-side shapes, apart from the submit contract so the respondent bundle does not carry them.

/** Per-response metric values (respondent level), kept on the response for filtering and later folding. */
export const RESPONSE_METRICS = ['csat', 'nps', 'ces', 'servqualGap'] as const;
export const responseMetricSchema = z.enum(RESPONSE_METRICS);
export type ResponseMetric = z.infer<typeof responseMetricSchema>;
export const responseMetricsSchema = z.partialRecord(responseMetricSchema, z.number());
export type ResponseMetrics = z.infer<typeof responseMetricsSchema>;

export const responseIdParamsSchema = z.object({ id: objectIdSchema });

const queryFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Query of `GET /api/surveys/:id/responses`; `from` inclusive, `to` exclusive, newest first. */
export const listResponsesQuerySchema = z
  .object({
    touchpoint: slugSchema.optional(),
    channel: slugSchema.optional(),
    from: plausibleDateParamSchema.optional(),
    to: plausibleDateParamSchema.optional(),
    metric: responseMetricSchema.optional(),
    min: z.coerce.number().finite().optional(),
    max: z.coerce.number().finite().optional(),
    flagged: queryFlag.optional(),
    /** Responses marked by a low-score rule: `open` (still needs someone), `done`, or `any`. */
    followUp: followUpFilterSchema.optional(),
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
  /** Set when a low-score follow-up rule matched. */
  followUp: responseFollowUpSchema.nullable(),
});
export type StoredResponse = z.infer<typeof storedResponseSchema>;

export const responseListSchema = z.object({
  responses: z.array(storedResponseSchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ResponseList = z.infer<typeof responseListSchema>;
