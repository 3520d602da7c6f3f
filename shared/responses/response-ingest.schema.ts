import { z } from 'zod';
import { emailSchema } from '../auth/auth.schema';
import { objectIdSchema } from '../http/object-id.schema';
import { PLAUSIBLE_DAYS, dayOf } from '../http/date-range.schema';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { UI_LOCALES } from '../survey-definition/survey-locale';
import { answersObjectSchema } from './response-api.schema';

/** How far ahead of the server's clock a `submittedAt` may be: the sending system's clock may run a little fast. */
export const SUBMITTED_AT_SKEW_MS = 5 * 60_000;

/**
 * Why `submittedAt` cannot be a response's time, or null when it can: inside PLAUSIBLE_DAYS and not
 * later than `now` (plus a few minutes of clock skew). A pure function of the clock passed in.
 */
export function submittedAtIssue(submittedAt: Date, now: Date): string | null {
  const day = dayOf(submittedAt);
  if (day < PLAUSIBLE_DAYS.min || day > PLAUSIBLE_DAYS.max) return `must be between ${PLAUSIBLE_DAYS.min} and ${PLAUSIBLE_DAYS.max}`;
  if (submittedAt.getTime() > now.getTime() + SUBMITTED_AT_SKEW_MS) return 'must not be in the future';
  return null;
}

/** The other system's own id for the answer (a call id, an SMS id): the idempotency key, per survey. */
export const externalIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'must be 1-200 printable ASCII characters without spaces');

/**
 * Body of `POST /api/responses` (and each row of `POST /api/responses/import`): answers collected by
 * another system. Answers are checked exactly as the public page's are, against `version` (default:
 * the latest published one, which is recorded). `contact` or `contactId` names a known contact.
 */
export const ingestResponseInputSchema = z
  .object({
    survey: objectIdSchema,
    version: z.number().int().min(1).optional(),
    answers: answersObjectSchema,
    touchpoint: slugSchema,
    channel: slugSchema,
    contact: z.object({ email: emailSchema }).strict().optional(),
    contactId: objectIdSchema.optional(),
    /** When the customer answered; default now. Historical answers fold into the day they were given. */
    submittedAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value)).optional(),
    externalId: externalIdSchema,
    locale: z.enum(UI_LOCALES).optional(),
  })
  .strict()
  .refine((input) => input.contact === undefined || input.contactId === undefined, {
    message: 'give contact or contactId, not both',
    path: ['contactId'],
  });
export type IngestResponseInput = z.infer<typeof ingestResponseInputSchema>;

/** Reply of `POST /api/responses`: 201 when stored, 200 with the first response for a repeated externalId. */
export const ingestResponseReplySchema = z.object({ id: z.string(), version: z.number().int() });
export type IngestResponseReply = z.infer<typeof ingestResponseReplySchema>;

/** A refused import row: its line in the file (NDJSON and CSV alike; a CSV header is line 1). */
export const rejectedIngestRowSchema = z.object({ line: z.number().int(), externalId: z.string().optional(), reasons: z.array(z.string()) });
export type RejectedIngestRow = z.infer<typeof rejectedIngestRowSchema>;

/**
 * Outcome of `POST /api/responses/import`: `created + duplicates + rejectedCount = total`; a duplicate
 * is a row whose externalId the survey already had (or an earlier row of the same file had).
 * `rejected` lists at most MAX_LISTED_REJECTIONS rows (as the contact import).
 */
export const responseImportReportSchema = z.object({
  created: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(rejectedIngestRowSchema),
  rejectedCount: z.number().int(),
  total: z.number().int(),
});
export type ResponseImportReport = z.infer<typeof responseImportReportSchema>;
