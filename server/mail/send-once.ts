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
  /** How long its send-log writes may wait to share a round trip with others (bulk sends); 0 = none. */
  lingerMs?: number;
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
  /** Unique per attempt, kept on the entry as `leaseHolder` while the attempt holds it (which attempt a stuck entry belongs to). */
  holder: string;
  now: Date;
  leaseMs: number;
}

type StoredEntry = { key: string; status: SendStatus; leaseHolder?: string | null; leaseUntil?: Date | null };
type Claim = { status: 'claimed' } | { status: 'sent' } | { status: 'failed' } | { status: 'held'; leaseUntil: Date | null };

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

/** What a claim the store refused found: sent, failed, or held by another attempt. */
function refusedClaim(stored: StoredEntry | undefined): Claim {
  if (stored?.status === 'sent') return { status: 'sent' };
  if (stored?.status === 'failed') return { status: 'failed' };
  return { status: 'held', leaseUntil: stored?.leaseUntil ?? null };
}

/** The indexes of the operations the store refused with a duplicate key; throws on any other error. */
function duplicateKeyIndexes(error: unknown): Set<number> {
  const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
  const list = Array.isArray(writeErrors) ? (writeErrors as { index?: unknown }[]) : [];
  if (list.length === 0 || !list.every(isDuplicateKey) || !list.every((e) => typeof e.index === 'number')) throw error;
  return new Set(list.map((e) => e.index as number));
}

const STORED_FIELDS = { key: 1, status: 1, leaseHolder: 1, leaseUntil: 1 } as const;

/** One send-log write: a claim before an email, or the outcome after it. */
type LogWrite = { claim: ClaimRequest } | { record: { key: string; set: Record<string, unknown> } };

/**
 * The claims and outcomes of every send at the same moment, in one unordered bulk write (an outcome
 * and another attempt's claim of the same key in one batch: whichever runs first, the claim is refused
 * and the read after the write finds the outcome). A claim the store did not refuse took the entry (its filter matched a claimable entry and
 * took the lease, or its upsert inserted the entry already claimed); one it refused with a duplicate
 * key is read back to say why. So the common case is one round trip for the whole batch.
 */
async function writeLogBatch(writes: LogWrite[]): Promise<(Claim | null)[]> {
  const log = SendLogModel.collection;
  const records = writes.flatMap((write) => ('record' in write ? [write.record] : []));
  const claims = writes.flatMap((write, at) => ('claim' in write ? [{ request: write.claim, at }] : []));
  const now = new Date();
  const operations = [
    ...records.map(({ key, set }) => ({ updateOne: { filter: { key }, update: { $set: { ...set, leaseUntil: null, leaseHolder: null, updatedAt: now } } } })),
    ...claims.map(({ request }) => ({ updateOne: { ...claimOperation(request), upsert: true } })),
  ];
  let refused = new Set<number>();
  try {
    await log.bulkWrite(operations, { ordered: false });
  } catch (error) {
    refused = duplicateKeyIndexes(error);
  }
  const results: (Claim | null)[] = writes.map(() => null);
  const refusedClaims = claims.filter((_, i) => refused.has(records.length + i));
  const stored = refusedClaims.length === 0 ? [] : await log.find<StoredEntry>({ key: { $in: [...new Set(refusedClaims.map((c) => c.request.entry.key))] } }, { projection: STORED_FIELDS }).toArray();
  const byKey = new Map(stored.map((doc) => [doc.key, doc]));
  claims.forEach(({ request, at }, i) => {
    results[at] = refused.has(records.length + i) ? refusedClaim(byKey.get(request.entry.key)) : { status: 'claimed' };
  });
  return results;
}

/**
 * Send-log writes go out as group commits. With no linger, none waits when the store is idle and
 * everything that arrives while one bulk write is in flight goes in the next. A bulk send lingers
 * (SEND_LOG_LINGER_MS): its emails' claims and outcomes wait up to that long to share one round trip,
 * since each bulk write costs the platform process far more CPU than the few documents it carries.
 * The price is the duplicate window after a hard crash: an email whose 250 arrived but whose outcome
 * still lingered is resent once its lease ends.
 */
const logWriters = new Map<number, Coalescer<LogWrite, Claim | null>>();
function logWriter(lingerMs: number): Coalescer<LogWrite, Claim | null> {
  let writer = logWriters.get(lingerMs);
  if (!writer) logWriters.set(lingerMs, (writer = new Coalescer(writeLogBatch, lingerMs > 0 ? lingerMs : 'while-busy')));
  return writer;
}

async function claim(lingerMs: number, request: ClaimRequest): Promise<Claim> {
  return (await logWriter(lingerMs).request({ claim: request }))!;
}

async function record(lingerMs: number, key: string, set: Record<string, unknown>): Promise<void> {
  await logWriter(lingerMs).request({ record: { key, set } });
}

/**
 * Sends one logical message at most once per `entry.key`, recording each attempt in the send log.
 * - already `sent` → nothing is sent; a permanent failure before → nothing is sent.
 * - a transient SMTP error is recorded (`retrying`) and rethrown, so the BullMQ job retries;
 *   a permanent one (5xx) is recorded (`failed`) and thrown as UnrecoverableError.
 * - an attempt that died mid-send (crash) leaves `sending`; once its lease (`options.leaseMs`, default
 *   120 s) runs out the next attempt sends again: the only window for a duplicate is between SMTP's
 *   "250 OK" and the log update.
 * - another live attempt holds the entry → SendInProgress (with when its lease ends).
 * Concurrent calls share their store round trips: the claims and outcomes of the sends of one moment
 * go in one bulk write (plus a read when some claim was refused); each call still resolves only once
 * its own outcome is stored.
 * `build` runs only when a message will really be sent (so templates are rendered once per send).
 */
export async function sendOnce(
  mailer: Mailer,
  entry: SendOnceEntry,
  build: () => Mail.Options | Promise<Mail.Options>,
  options: SendOnceOptions = {},
): Promise<SendOnceResult> {
  const lingerMs = options.lingerMs ?? 0;
  const taken = await claim(lingerMs, { entry, holder: randomUUID(), now: new Date(), leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS });
  if (taken.status === 'sent') return { status: 'already-sent' };
  if (taken.status === 'failed') return { status: 'failed-before' };
  if (taken.status === 'held') throw new SendInProgress(entry.key, taken.leaseUntil);

  const message = await build();
  const subject = typeof message.subject === 'string' ? message.subject : null;
  const messageId = messageIdOf(entry.key, typeof message.from === 'string' ? message.from : mailer.defaultFrom);
  let info: { messageId?: string; response?: string };
  try {
    info = (await mailer.sendMail({ messageId, ...message, to: entry.to })) as typeof info;
  } catch (error) {
    const permanent = isPermanentSmtpError(error);
    await record(lingerMs, entry.key, { status: permanent ? 'failed' : 'retrying', error: errorSummary(error), subject });
    if (permanent) throw new UnrecoverableError(`email ${entry.key} rejected: ${errorSummary(error).message}`);
    throw error;
  }
  await record(lingerMs, entry.key, { status: 'sent', sentAt: new Date(), error: null, subject, messageId: info.messageId ?? messageId, smtpResponse: info.response ?? null });
  return { status: 'sent', messageId: info.messageId ?? messageId };
}

/** Marks an entry failed for good once its job ran out of attempts (called from the job's final failure). */
export async function markSendFailed(key: string, error: unknown): Promise<void> {
  await SendLogModel.updateOne({ key, status: { $ne: 'sent' } }, { $set: { status: 'failed', leaseUntil: null, leaseHolder: null, error: errorSummary(error) } });
}
