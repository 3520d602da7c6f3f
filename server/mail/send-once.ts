import { createHash, randomUUID } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { Types } from 'mongoose';
import type Mail from 'nodemailer/lib/mailer';
import type { SendKind, SendStatus } from '@shared/mail/send-log.schema';
import { Coalescer } from '../lib/coalesce';
import type { Mailer } from '../lib/mailer';
import { isDuplicateKey } from '../lib/mongo-errors';
import { SendLogModel } from './send-log.model';

/**
 * How long one attempt may hold an entry unless told otherwise (SEND_LEASE_MS); longer than any SMTP
 * timeout, so a live attempt is never overtaken.
 */
export const DEFAULT_LEASE_MS = 120_000;

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

export interface SendOnceOptions {
  /** How long this attempt holds the entry; after a crash, the entry may be sent again once it runs out. */
  leaseMs?: number;
}

export type SendOnceResult = { status: 'sent'; messageId: string } | { status: 'already-sent' } | { status: 'failed-before' };

/** The previous attempt of this entry still holds it; BullMQ retries the job later. */
export class SendInProgress extends Error {
  constructor(
    key: string,
    /** When the holder's lease runs out (then the entry may be taken over). */
    readonly leaseUntil: Date | null,
  ) {
    super(`email ${key} is being sent by another attempt`);
  }
}

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

const objectIdOrNull = (id: Types.ObjectId | string | null | undefined) => (id == null ? null : new Types.ObjectId(id));

interface ClaimRequest {
  entry: SendOnceEntry;
  /** Unique per attempt: the stored `leaseHolder` tells whether this attempt's claim is the one that won. */
  holder: string;
  now: Date;
  leaseMs: number;
}

type StoredEntry = { _id: Types.ObjectId; key: string; status: SendStatus; leaseHolder?: string | null; leaseUntil?: Date | null };
type Claim = { status: 'claimed'; id: Types.ObjectId } | { status: 'sent' } | { status: 'failed' } | { status: 'held'; leaseUntil: Date | null };

/**
 * The claim as one upsert: it matches only an entry that may be (re)sent (`sending`/`retrying` with no
 * live lease) and takes the lease; when there is no entry it inserts one already claimed. An entry that
 * exists but may not be claimed (sent, failed, leased) makes the upsert try an insert, which the unique
 * `key` refuses with a duplicate-key error. The send log is written with the driver directly (the
 * mongoose schema's defaults and timestamps spelled out), as casting through mongoose cost more CPU
 * per email than the email itself.
 */
function claimOperation({ entry, holder, now, leaseMs }: ClaimRequest) {
  return {
    filter: { key: entry.key, status: { $in: ['sending', 'retrying'] }, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
    update: {
      $set: { status: 'sending', leaseUntil: new Date(now.getTime() + leaseMs), leaseHolder: holder, updatedAt: now },
      $inc: { attempts: 1 },
      $setOnInsert: {
        kind: entry.kind,
        to: entry.to,
        contactId: objectIdOrNull(entry.contactId),
        distributionId: objectIdOrNull(entry.distributionId),
        responseId: objectIdOrNull(entry.responseId),
        occurrence: entry.occurrence ?? null,
        subject: null,
        messageId: null,
        smtpResponse: null,
        error: null,
        sentAt: null,
        createdAt: now,
      },
    },
  };
}

function claimOf(request: ClaimRequest, stored: StoredEntry | null | undefined): Claim {
  if (stored?.status === 'sent') return { status: 'sent' };
  if (stored?.status === 'failed') return { status: 'failed' };
  if (stored?.status === 'sending' && stored.leaseHolder === request.holder) return { status: 'claimed', id: stored._id };
  return { status: 'held', leaseUntil: stored?.leaseUntil ?? null };
}

/** Every write the store refused was a duplicate key (an entry that exists and may not be claimed). */
function onlyDuplicateKeys(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  if (Array.isArray(writeErrors) && writeErrors.length > 0) return writeErrors.every(isDuplicateKey);
  return isDuplicateKey(error);
}

const STORED_FIELDS = { key: 1, status: 1, leaseHolder: 1, leaseUntil: 1 } as const;

/**
 * Claims the entries of every send running at the same moment: one bulk of upserts, then one read of
 * what they left. A lone send takes the one-round-trip path (findOneAndUpdate returning the entry).
 */
async function claimBatch(requests: ClaimRequest[]): Promise<Claim[]> {
  const log = SendLogModel.collection;
  if (requests.length === 1) {
    const request = requests[0]!;
    const { filter, update } = claimOperation(request);
    try {
      const stored = await log.findOneAndUpdate(filter, update, { upsert: true, returnDocument: 'after', projection: STORED_FIELDS });
      return [claimOf(request, stored as StoredEntry | null)];
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return [claimOf(request, (await log.findOne({ key: request.entry.key }, { projection: STORED_FIELDS })) as StoredEntry | null)];
    }
  }
  try {
    await log.bulkWrite(
      requests.map((request) => ({ updateOne: { ...claimOperation(request), upsert: true } })),
      { ordered: false },
    );
  } catch (error) {
    if (!onlyDuplicateKeys(error)) throw error;
  }
  const stored = (await log.find({ key: { $in: [...new Set(requests.map((r) => r.entry.key))] } }, { projection: STORED_FIELDS }).toArray()) as StoredEntry[];
  const byKey = new Map(stored.map((doc) => [doc.key, doc]));
  return requests.map((request) => claimOf(request, byKey.get(request.entry.key)));
}

interface Outcome {
  id: Types.ObjectId;
  set: Record<string, unknown>;
}

/** Records the outcomes of every send finishing at the same moment in one bulk write. */
async function recordBatch(outcomes: Outcome[]): Promise<void[]> {
  await SendLogModel.collection.bulkWrite(
    outcomes.map(({ id, set }) => ({ updateOne: { filter: { _id: id }, update: { $set: { ...set, leaseUntil: null, leaseHolder: null, updatedAt: new Date() } } } })),
    { ordered: false },
  );
  return outcomes.map(() => undefined);
}

/**
 * A claim waits up to 10 ms for others to share its round trip: a bulk send finishes its emails one by
 * one as the SMTP pool frees up, so 2 ms caught 4-7 of them, 10 ms catches 15-20. An outcome does not
 * wait: between SMTP's 250 and this write a crash means a resend, so it goes out at once, and only
 * outcomes arriving while one write is in flight share the next (group commit).
 */
const claims = new Coalescer(claimBatch, 10);
const outcomes = new Coalescer(recordBatch, 'while-busy');

/**
 * Sends one logical message at most once per `entry.key`, recording each attempt in the send log.
 * - already `sent` → nothing is sent; a permanent failure before → nothing is sent.
 * - a transient SMTP error is recorded (`retrying`) and rethrown, so the BullMQ job retries;
 *   a permanent one (5xx) is recorded (`failed`) and thrown as UnrecoverableError.
 * - an attempt that died mid-send (crash) leaves `sending`; once its lease (`options.leaseMs`, default
 *   120 s) runs out the next attempt sends again: the only window for a duplicate is between SMTP's
 *   "250 OK" and the log update.
 * - another live attempt holds the entry → SendInProgress (with when its lease ends).
 * Concurrent calls share their store round trips: claims of the sends started within a couple of
 * milliseconds go in one bulk write and one read, their outcomes in one bulk write; each call still
 * resolves only once its own outcome is stored.
 * `build` runs only when a message will really be sent (so templates are rendered once per send).
 */
export async function sendOnce(
  mailer: Mailer,
  entry: SendOnceEntry,
  build: () => Mail.Options | Promise<Mail.Options>,
  options: SendOnceOptions = {},
): Promise<SendOnceResult> {
  const claim = await claims.request({ entry, holder: randomUUID(), now: new Date(), leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS });
  if (claim.status === 'sent') return { status: 'already-sent' };
  if (claim.status === 'failed') return { status: 'failed-before' };
  if (claim.status === 'held') throw new SendInProgress(entry.key, claim.leaseUntil);

  const message = await build();
  const subject = typeof message.subject === 'string' ? message.subject : null;
  const messageId = messageIdOf(entry.key, typeof message.from === 'string' ? message.from : mailer.defaultFrom);
  let info: { messageId?: string; response?: string };
  try {
    info = (await mailer.sendMail({ messageId, ...message, to: entry.to })) as typeof info;
  } catch (error) {
    const permanent = isPermanentSmtpError(error);
    await outcomes.request({ id: claim.id, set: { status: permanent ? 'failed' : 'retrying', error: errorSummary(error), subject } });
    if (permanent) throw new UnrecoverableError(`email ${entry.key} rejected: ${errorSummary(error).message}`);
    throw error;
  }
  await outcomes.request({
    id: claim.id,
    set: { status: 'sent', sentAt: new Date(), error: null, subject, messageId: info.messageId ?? messageId, smtpResponse: info.response ?? null },
  });
  return { status: 'sent', messageId: info.messageId ?? messageId };
}

/** Marks an entry failed for good once its job ran out of attempts (called from the job's final failure). */
export async function markSendFailed(key: string, error: unknown): Promise<void> {
  await SendLogModel.updateOne({ key, status: { $ne: 'sent' } }, { $set: { status: 'failed', leaseUntil: null, leaseHolder: null, error: errorSummary(error) } });
}
