import { z } from 'zod';

/** Why an email was sent; one send-log entry per (key) whatever the kind. */
export const SEND_KINDS = ['invitation', 'reminder', 'follow-up-ack', 'follow-up-owner', 'target-alert', 'webhook-failing', 'case-escalation', 'case-acknowledged', 'case-answer', 'case-resolved', 'action-reminder', 'action-verdict', 'service-report'] as const;
export const sendKindSchema = z.enum(SEND_KINDS);
export type SendKind = z.infer<typeof sendKindSchema>;

/**
 * `sending`: claimed by a job, outcome not yet known (a crash leaves it here; the retry sends again and
 * counts the attempt); `retrying`: a transient SMTP error, BullMQ retries; `sent`: accepted by SMTP;
 * `failed`: permanently rejected (5xx) or out of attempts.
 */
export const SEND_STATUSES = ['sending', 'retrying', 'sent', 'failed'] as const;
export const sendStatusSchema = z.enum(SEND_STATUSES);
export type SendStatus = z.infer<typeof sendStatusSchema>;

/** One send-log entry as staff see it (the outbox). */
export const sendLogEntrySchema = z.object({
  id: z.string(),
  key: z.string(),
  kind: sendKindSchema,
  to: z.string(),
  subject: z.string().nullable(),
  status: sendStatusSchema,
  attempts: z.number().int(),
  contactId: z.string().nullable(),
  distributionId: z.string().nullable(),
  occurrence: z.string().nullable(),
  error: z.object({ message: z.string(), code: z.string().nullable(), responseCode: z.number().nullable() }).nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SendLogEntry = z.infer<typeof sendLogEntrySchema>;
