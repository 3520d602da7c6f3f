import { objectIdSchema } from '@shared/http/object-id.schema';
import { z } from 'zod';

/** The most recipients one send job may carry (MAIL_BATCH_SIZE is at most this). */
export const MAX_SEND_BATCH = 500;

/** What one send job carries: ids only (the job reads rows, contacts and the distribution itself). Its own file, so the job and the service it calls both import it. */
export const sendPayloadSchema = z
  .object({
    distributionId: objectIdSchema,
    kind: z.enum(['invitation', 'reminder']),
    /** Which reminder (1..max); only for reminders. Every recipient of one job is due the same one. */
    reminder: z.number().int().min(1).max(10).optional(),
    /** Recipient rows (the job reads each row's contact and occurrence). */
    recipientIds: z.array(objectIdSchema).min(1).max(MAX_SEND_BATCH),
  })
  .strict();
export type SendPayload = z.infer<typeof sendPayloadSchema>;
