import { z } from 'zod';
import { objectIdSchema } from '../http/object-id.schema';
import { sendLogEntrySchema } from '../mail/send-log.schema';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { isTimeZone } from './send-window';

const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24 h)');
export const timeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin');

export const DISTRIBUTION_STATUSES = ['active', 'paused', 'cancelled', 'completed'] as const;
export const distributionStatusSchema = z.enum(DISTRIBUTION_STATUSES);
export type DistributionStatus = z.infer<typeof distributionStatusSchema>;

/** `monthly`/`quarterly` fire at 09:00 on the first day of the month/quarter in the schedule's time zone. */
export const RECURRING_EVERY = ['monthly', 'quarterly'] as const;

/** A custom attribute key: letters, digits, `_` and `-` only, so a key can never become a query operator or path. */
const attributeKeySchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only');
const attributeValueSchema = z.union([z.string().max(200), z.number(), z.boolean()]);

export const audienceSchema = z
  .object({
    segment: z.union([slugSchema, z.array(slugSchema).min(1).max(50)]).optional(),
    contactIds: z.array(objectIdSchema).min(1).max(10_000).optional(),
    /** Equality on the contact's locale and custom attributes (a list means any of these values). */
    filter: z
      .object({
        locale: z.string().min(2).max(16).optional(),
        attributes: z.record(attributeKeySchema, z.union([attributeValueSchema, z.array(attributeValueSchema).min(1).max(100)])).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Audience = z.infer<typeof audienceSchema>;

export const scheduleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('once'), at: z.iso.datetime({ offset: true }).optional() }).strict(),
  z
    .object({
      type: z.literal('recurring'),
      /** Five fields, or six with seconds first; checked with cron-parser on the server. */
      cron: z.string().trim().min(9).max(120).optional(),
      every: z.enum(RECURRING_EVERY).optional(),
      /** Time zone the pattern is read in; defaults to the send window's, else UTC. */
      timezone: timeZoneSchema.optional(),
    })
    .strict()
    .refine((s) => (s.cron === undefined) !== (s.every === undefined), { message: 'give either cron or every', path: ['cron'] }),
]);
export type Schedule = z.infer<typeof scheduleSchema>;

export const sendWindowSchema = z
  .object({ from: clockTimeSchema, to: clockTimeSchema, timezone: timeZoneSchema })
  .strict()
  .refine((w) => w.from !== w.to, { message: 'the window must not be empty', path: ['to'] });
export type SendWindow = z.infer<typeof sendWindowSchema>;

export const createDistributionInputSchema = z
  .object({
    survey: objectIdSchema,
    touchpoint: slugSchema,
    channel: slugSchema.optional(),
    audience: audienceSchema,
    schedule: scheduleSchema,
    /** Days may be fractional (hours: 0.25 = 6 h). `max: 0` sends no reminder. */
    reminders: z.object({ afterDays: z.number().min(0).max(365), max: z.number().int().min(0).max(10) }).strict().default({ afterDays: 3, max: 1 }),
    /** No contact is surveyed more than once in this many days, across all distributions. */
    quarantineDays: z.number().min(0).max(3650).default(30),
    sendWindow: sendWindowSchema.optional(),
    /** How long a personal link stays valid. */
    tokenTtlDays: z.number().min(0.0001).max(365).default(30),
  })
  .strict();
export type CreateDistributionInput = z.input<typeof createDistributionInputSchema>;
export type DistributionInput = z.infer<typeof createDistributionInputSchema>;

export const distributionIdParamsSchema = z.object({ id: objectIdSchema });

/** `survey-closed`: the survey was archived before the email went out; `missing-contact`: erased meanwhile. */
export const SKIP_REASONS = ['unsubscribed', 'quarantine', 'cancelled', 'survey-closed', 'missing-contact'] as const;
export const skipReasonSchema = z.enum(SKIP_REASONS);
export type SkipReason = z.infer<typeof skipReasonSchema>;

/** A recipient row of one occurrence is written `queued` or `skipped`; `queued` → `sent` | `failed` | `skipped`. */
export const RECIPIENT_STATUSES = ['queued', 'sent', 'failed', 'skipped'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export const distributionCountsSchema = z.object({
  /** Recipients decided so far, every occurrence together. */
  recipients: z.number().int(),
  /** Waiting to be sent (including those deferred to the send window). */
  queued: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  /** Recipients who answered through their personal link. */
  responded: z.number().int(),
  /** Reminder emails sent. */
  reminded: z.number().int(),
  skipped: z.object(Object.fromEntries(SKIP_REASONS.map((reason) => [reason, z.number().int()])) as Record<SkipReason, z.ZodNumber>),
  /** Queued recipients whose send waits for the send window to open. */
  deferred: z.object({ sendWindow: z.number().int() }),
});
export type DistributionCounts = z.infer<typeof distributionCountsSchema>;

export const distributionSchema = z.object({
  id: z.string(),
  survey: z.string(),
  touchpoint: z.string(),
  channel: z.string().nullable(),
  audience: audienceSchema,
  schedule: scheduleSchema,
  reminders: z.object({ afterDays: z.number(), max: z.number().int() }),
  quarantineDays: z.number(),
  sendWindow: sendWindowSchema.nullable(),
  tokenTtlDays: z.number(),
  status: distributionStatusSchema,
  /** The latest occurrence that ran (`once`, `2025-06`, `2025-Q3` or a UTC time like `20250601T090000Z`). */
  lastOccurrence: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Distribution = z.infer<typeof distributionSchema>;

export const distributionWithCountsSchema = distributionSchema.extend({ counts: distributionCountsSchema, occurrences: z.array(z.string()) });
export type DistributionWithCounts = z.infer<typeof distributionWithCountsSchema>;

/** A row of the list: the distribution and its counts (computed for the whole page at once). */
export const distributionListItemSchema = distributionSchema.extend({ counts: distributionCountsSchema });
export type DistributionListItem = z.infer<typeof distributionListItemSchema>;

export const distributionListSchema = z.object({ distributions: z.array(distributionListItemSchema) });
export type DistributionList = z.infer<typeof distributionListSchema>;

export const outboxQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    /** The `next` of the previous page. */
    cursor: objectIdSchema.optional(),
  })
  .strict();

export const outboxPageSchema = z.object({ entries: z.array(sendLogEntrySchema), next: z.string().nullable() });
export type OutboxPage = z.infer<typeof outboxPageSchema>;
