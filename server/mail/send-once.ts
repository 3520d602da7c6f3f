import { createHash } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import type { Types } from 'mongoose';
import type Mail from 'nodemailer/lib/mailer';
import type { SendKind } from '@shared/mail/send-log.schema';
import type { Mailer } from '../lib/mailer';
import { isDuplicateKey } from '../lib/mongo-errors';
import { SendLogModel } from './send-log.model';

/** How long one attempt may hold an entry; longer than any SMTP timeout, so a live attempt is never overtaken. */
const LEASE_MS = 120_000;

export interface SendOnceEntry {
  /** Unique per logical message, e.g. `invitation/<distribution>/<contact>/<occurrence>`. */
  key: string;
  kind: SendKind;
  to: string;
  contactId?: Types.ObjectId | string | null;
  distributionId?: Types.ObjectId | string | null;
  responseId?: Types.ObjectId | string | null;
  occurrence?: string | null;
}

export type SendOnceResult = { status: 'sent'; messageId: string } | { status: 'already-sent' } | { status: 'failed-before' };

/** The previous attempt of this entry still holds it; BullMQ retries the job later. */
export class SendInProgress extends Error {}

/** SMTP 5xx and messages nodemailer refuses to send cannot succeed on a retry. */
export function isPermanentSmtpError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') return responseCode >= 500 && responseCode < 600;
  return code === 'EENVELOPE' || code === 'EMESSAGE';
}

function errorSummary(error: unknown) {
  const { message, code, responseCode } = error as { message?: unknown; code?: unknown; responseCode?: unknown };
  return {
    message: typeof message === 'string' ? message.slice(0, 1000) : String(error),
    code: typeof code === 'string' ? code : null,
    responseCode: typeof responseCode === 'number' ? responseCode : null,
  };
}

/** A stable Message-ID per entry, so even a resend after a crash is recognisable as the same message. */
function messageIdOf(key: string, from: string): string {
  const domain = /@([^>\s]+)>?$/.exec(from)?.[1] ?? 'touchpoint.local';
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

/**
 * Sends one logical message at most once per `entry.key`, recording each attempt in the send log.
 * - already `sent` → nothing is sent; a permanent failure before → nothing is sent.
 * - a transient SMTP error is recorded (`retrying`) and rethrown, so the BullMQ job retries;
 *   a permanent one (5xx) is recorded (`failed`) and thrown as UnrecoverableError.
 * - an attempt that died mid-send (crash) leaves `sending`; once its lease runs out the next attempt
 *   sends again: the only window for a duplicate is between SMTP's "250 OK" and the log update.
 * `build` runs only when a message will really be sent (so templates are rendered once per send).
 */
export async function sendOnce(mailer: Mailer, entry: SendOnceEntry, build: () => Mail.Options | Promise<Mail.Options>): Promise<SendOnceResult> {
  const now = new Date();
  try {
    await SendLogModel.create({ ...entry, status: 'sending', attempts: 0 });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const claimed = await SendLogModel.findOneAndUpdate(
    { key: entry.key, status: { $in: ['sending', 'retrying'] }, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
    { $set: { leaseUntil: new Date(now.getTime() + LEASE_MS), status: 'sending' }, $inc: { attempts: 1 } },
    { returnDocument: 'after' },
  ).lean();
  if (!claimed) {
    const known = await SendLogModel.findOne({ key: entry.key }, { status: 1 }).lean();
    if (known?.status === 'sent') return { status: 'already-sent' };
    if (known?.status === 'failed') return { status: 'failed-before' };
    throw new SendInProgress(`email ${entry.key} is being sent by another attempt`);
  }

  const message = await build();
  const messageId = messageIdOf(entry.key, typeof message.from === 'string' ? message.from : mailer.defaultFrom);
  try {
    const info = (await mailer.sendMail({ messageId, ...message, to: entry.to })) as { messageId?: string; response?: string };
    await SendLogModel.updateOne(
      { _id: claimed._id },
      {
        $set: {
          status: 'sent', sentAt: new Date(), leaseUntil: null, error: null,
          subject: typeof message.subject === 'string' ? message.subject : null,
          messageId: info.messageId ?? messageId, smtpResponse: info.response ?? null,
        },
      },
    );
    return { status: 'sent', messageId: info.messageId ?? messageId };
  } catch (error) {
    const permanent = isPermanentSmtpError(error);
    await SendLogModel.updateOne(
      { _id: claimed._id },
      { $set: { status: permanent ? 'failed' : 'retrying', leaseUntil: null, error: errorSummary(error), subject: typeof message.subject === 'string' ? message.subject : null } },
    );
    if (permanent) throw new UnrecoverableError(`email ${entry.key} rejected: ${errorSummary(error).message}`);
    throw error;
  }
}

/** Marks an entry failed for good once its job ran out of attempts (called from the job's final failure). */
export async function markSendFailed(key: string, error: unknown): Promise<void> {
  await SendLogModel.updateOne({ key, status: { $ne: 'sent' } }, { $set: { status: 'failed', leaseUntil: null, error: errorSummary(error) } });
}

