import { z } from 'zod';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { surveyLinkSignatureSchema } from '../surveys/survey-link.schema';
import { UI_LOCALES } from '../survey-definition/survey-locale';
import { HONEYPOT_FIELD } from './response-constants';

/** Why a stored response is suspected to come from a bot; flagged responses are kept but left out of scores. */
export const RESPONSE_FLAGS = ['honeypot', 'too-fast'] as const;
export const responseFlagSchema = z.enum(RESPONSE_FLAGS);
export type ResponseFlag = z.infer<typeof responseFlagSchema>;

/** A personal link's token as `issueResponseToken` makes it: 32 random bytes, base64url. */
export const responseTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the token from your personal link');

/** Ceiling for the page's fill-time report: a day, beyond which the number says nothing more. */
const MAX_ELAPSED_MS = 24 * 3600 * 1000;

/** Answers keyed by question name; their values are checked against the survey version by the shared answer validator. */
export const answersObjectSchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'must be an object keyed by question name',
);

/**
 * Body of `POST /api/public/surveys/:slug/responses`. `answers` is checked against the exact published
 * `version` by the shared answer validator, so here it only has to be an object.
 */
export const submitResponseInputSchema = z
  .object({
    version: z.number().int().min(1),
    answers: answersObjectSchema,
    /** Made by the page once per answer session; sending it again returns the first result. */
    submissionId: z.uuid({ error: 'must be a UUID' }),
    touchpoint: slugSchema.optional(),
    channel: slugSchema.optional(),
    /** The link's `sig`: touchpoint and channel are taken only when it matches, unless the survey allows any. */
    sig: surveyLinkSignatureSchema.optional(),
    token: responseTokenSchema.optional(),
    locale: z.enum(UI_LOCALES).optional(),
    /** Milliseconds the respondent spent on the survey, as the page measured it. */
    elapsedMs: z.number().int().min(0).max(MAX_ELAPSED_MS),
    [HONEYPOT_FIELD]: z.string().max(2000).optional(),
  })
  .strict();
export type SubmitResponseInput = z.infer<typeof submitResponseInputSchema>;

