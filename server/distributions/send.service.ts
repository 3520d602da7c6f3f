import { DelayedError, UnrecoverableError } from 'bullmq';
import type { Types } from 'mongoose';
import type { SkipReason } from '@shared/distributions/distribution.schema';
import { isInsideWindow, nextSendTime, type DailyWindow } from '@shared/distributions/send-window';
import { ContactModel } from '../contacts/contact.model';
import type { JobContext } from '../app-context';
import { Semaphore } from '../lib/semaphore';
import { SendInProgress, markSendFailed, sendOnce } from '../mail/send-once';
import { renderEmail, templateLocaleOf } from '../mail/templates';
import { listUnsubscribeHeaders, unsubscribeUrl } from '../mail/unsubscribe';
import { hashResponseToken } from '../responses/response-token.service';
import { ResponseTokenModel } from '../responses/response-token.model';
import { TtlCache } from '../lib/ttl-cache';
import { SurveyModel } from '../surveys/survey.model';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { DistributionModel } from './distribution.model';
import { personalLink, personalToken } from './personal-link';
import { RecipientModel } from './recipient.model';
import type { SendPayload } from './send-payload';

export type SendOutcome =
  | 'sent'
  | 'already-sent'
  | 'failed'
  | 'paused'
  | 'not-queued'
  | 'responded'
  | 'link-expired'
  | `skipped-${SkipReason}`;

/** Survey title, slug and status and the touchpoint's name change rarely; a bulk send reads them once per 10 s. */
const surveys = new TtlCache<Survey | null>(10_000, 256);
const touchpoints = new TtlCache<string>(10_000, 256);

type RecipientUpdate = { updateOne: { filter: Record<string, unknown>; update: Record<string, unknown> } };

/** Emails in flight per worker process (MAIL_CONCURRENCY), shared by every send job it runs. */
const inFlightByLimit = new Map<number, Semaphore>();
function inFlight(limit: number): Semaphore {
  let semaphore = inFlightByLimit.get(limit);
  if (!semaphore) inFlightByLimit.set(limit, (semaphore = new Semaphore(limit)));
  return semaphore;
}

function surveyInfo(surveyId: string) {
  return surveys.get(surveyId, async () => {
    const doc = await SurveyModel.findById(surveyId, { slug: 1, title: 1, status: 1 }).lean();
    return doc ? { slug: doc.slug, title: doc.title, open: doc.status === 'published' } : null;
  });
}

function touchpointName(key: string) {
  return touchpoints.get(key, async () => (await TouchpointModel.findOne({ key }, { name: 1 }).lean())?.name ?? key);
}

/** The send-log key of one recipient's invitation or reminder in one occurrence. */
export function sendLogKey(message: { kind: SendPayload['kind']; distributionId: string; contactId: string; reminder?: number }, occurrence: string): string {
  const base = `${message.distributionId}/${message.contactId}/${occurrence}`;
  return message.kind === 'invitation' ? `invitation/${base}` : `reminder/${base}/${message.reminder}`;
}

/** Parks the job until `at` without spending an attempt (BullMQ's delay-and-retry pattern). */
async function delayJob(ctx: JobContext, at: Date): Promise<never> {
  await ctx.job.moveToDelayed(at.getTime(), ctx.job.token);
  throw new DelayedError();
}

type Row = { _id: Types.ObjectId; contactId: Types.ObjectId; occurrence: string };
type Contact = { _id: Types.ObjectId; email: string; name?: string | null; locale?: string | null; unsubscribedAt?: Date | null };
type Distribution = { _id: Types.ObjectId; status: string; surveyId: Types.ObjectId; touchpoint: string; sendWindow: DailyWindow | null };
type Survey = { slug: string; title: string; open: boolean };

/** What happened to each recipient of a batch, counted by outcome (the job's return value). */
export type BatchSummary = Partial<Record<SendOutcome, number>>;

/** One batch's outcomes, and the recipient-row writes that record them (one bulk write at the end). */
class BatchOutcomes {
  readonly summary: BatchSummary = {};
  readonly updates: RecipientUpdate[] = [];

  constructor(private readonly invitation: boolean) {}

  count(outcome: SendOutcome, n = 1): void {
    if (n > 0) this.summary[outcome] = (this.summary[outcome] ?? 0) + n;
  }

  update(filter: Record<string, unknown>, update: Record<string, unknown>): void {
    this.updates.push({ updateOne: { filter, update } });
  }

  /** An invitation not sent for `reason` is recorded on its row; a reminder only counted. */
  skip(row: Row, reason: SkipReason): void {
    this.count(`skipped-${reason}`);
    if (this.invitation) this.update({ _id: row._id, status: 'queued' }, { $set: { status: 'skipped', skipReason: reason } });
  }

  failed(row: Row, error: unknown): void {
    this.count('failed');
    const message = error instanceof Error ? error.message : error === undefined ? null : String(error);
    const set = message === null ? {} : { error: message.slice(0, 1000) };
    if (this.invitation) this.update({ _id: row._id, status: { $ne: 'sent' } }, { $set: { status: 'failed', ...set } });
    else if (message !== null) this.update({ _id: row._id }, { $set: set });
  }

  sent(row: Row, outcome: 'sent' | 'already-sent', reminder: number | undefined): void {
    this.count(outcome);
    const now = new Date();
    if (this.invitation) this.update({ _id: row._id, status: { $ne: 'sent' } }, { $set: { status: 'sent', sentAt: now, lastSentAt: now, error: null } });
    else this.update({ _id: row._id, remindersSent: { $lt: reminder } }, { $set: { remindersSent: reminder, lastSentAt: now } });
  }
}

/**
 * Sends one batch of invitations or reminders, re-checking everything that may have changed since it
 * was queued: the distribution (paused: rows stay queued for resume; cancelled: skipped), the survey,
 * the send window, each contact (unsubscribed or erased: skipped) and, for reminders, whether the link
 * was used. Each email goes through the send log (key per distribution, contact, occurrence and
 * reminder), so a re-run of the batch sends only what did not go out. A permanent SMTP rejection fails
 * that recipient only; a transient one retries the batch (its sent emails are not sent again); an
 * email still held by a crashed attempt parks the batch until that attempt's lease runs out.
 */
export async function sendBatch(ctx: JobContext, payload: SendPayload): Promise<BatchSummary> {
  const invitation = payload.kind === 'invitation';
  const outcomes = new BatchOutcomes(invitation);
  const [distribution, rows] = await Promise.all([
    DistributionModel.findById(payload.distributionId, { status: 1, surveyId: 1, touchpoint: 1, sendWindow: 1 }).lean<Distribution>(),
    RecipientModel.find(
      { _id: { $in: payload.recipientIds }, distributionId: payload.distributionId, status: invitation ? 'queued' : 'sent' },
      { contactId: 1, occurrence: 1 },
    ).lean<Row[]>(),
  ]);
  outcomes.count('not-queued', payload.recipientIds.length - (distribution ? rows.length : 0));
  if (!distribution || rows.length === 0) return outcomes.summary;
  const halted = distribution.status === 'paused' || distribution.status === 'cancelled';
  const survey = halted ? null : await surveyInfo(distribution.surveyId.toString());
  if (distribution.status === 'paused') outcomes.count('paused', rows.length);
  else if (distribution.status === 'cancelled') rows.forEach((row) => outcomes.skip(row, 'cancelled'));
  else if (!survey?.open) rows.forEach((row) => outcomes.skip(row, 'survey-closed'));
  else {
    const window = distribution.sendWindow;
    if (window && !isInsideWindow(new Date(), window)) return delayJob(ctx, nextSendTime(new Date(), window));
    const { heldUntil, retry } = await sendRows(ctx, payload, distribution, survey, rows, outcomes);
    await record(outcomes);
    // A crashed attempt holds an entry until its lease ends: wait for that rather than burn attempts.
    if (heldUntil !== null) return delayJob(ctx, new Date(Math.max(Date.now() + 1000, heldUntil + 250)));
    if (retry !== undefined) throw retry;
    return outcomes.summary;
  }
  await record(outcomes);
  return outcomes.summary;
}

async function record(outcomes: BatchOutcomes): Promise<void> {
  if (outcomes.updates.length > 0) await RecipientModel.bulkWrite(outcomes.updates, { ordered: false });
}

/**
 * Sends the eligible rows' emails in parallel within the worker's in-flight limit and counts their
 * outcomes. Returns when an entry held by a crashed attempt frees up, and the error a retry must redo.
 */
async function sendRows(
  ctx: JobContext,
  payload: SendPayload,
  distribution: Distribution,
  survey: Survey,
  rows: Row[],
  outcomes: BatchOutcomes,
): Promise<{ heldUntil: number | null; retry: unknown }> {
  const contacts = await ContactModel.find({ _id: { $in: rows.map((row) => row.contactId) } }, { email: 1, name: 1, locale: 1, unsubscribedAt: 1 }).lean<Contact[]>();
  const contactById = new Map(contacts.map((contact) => [contact._id.toString(), contact]));
  const tokens = new Map(rows.map((row) => [row._id.toString(), personalToken(ctx, row._id)]));
  const eligible: { row: Row; contact: Contact }[] = [];
  for (const row of rows) {
    const contact = contactById.get(row.contactId.toString());
    if (!contact) outcomes.skip(row, 'missing-contact');
    else if (contact.unsubscribedAt) outcomes.skip(row, 'unsubscribed');
    else eligible.push({ row, contact });
  }
  const due = payload.kind === 'invitation' ? eligible : await unansweredLinks(eligible, tokens, outcomes);

  const touchpoint = await touchpointName(distribution.touchpoint);
  const limit = inFlight(ctx.config.MAIL_CONCURRENCY);
  const results = await Promise.all(
    due.map(({ row, contact }) => {
      const key = sendLogKey({ ...payload, contactId: contact._id.toString() }, row.occurrence);
      const entry = { key, kind: payload.kind, to: contact.email, contactId: contact._id, distributionId: distribution._id, occurrence: row.occurrence };
      const build = async () => {
        const unsubscribeLink = unsubscribeUrl(ctx, contact._id);
        const rendered = await renderEmail(payload.kind, templateLocaleOf(contact.locale), {
          name: contact.name ?? null,
          email: contact.email,
          surveyTitle: survey.title,
          surveyLink: personalLink(ctx, survey.slug, tokens.get(row._id.toString())!),
          touchpoint,
          unsubscribeLink,
        });
        return { subject: rendered.subject, html: rendered.html, text: rendered.text, headers: listUnsubscribeHeaders(unsubscribeLink) };
      };
      return limit.run(() => sendOnce(ctx.mailer, entry, build, { leaseMs: ctx.config.SEND_LEASE_MS, lingerMs: ctx.config.SEND_LOG_LINGER_MS })).then(
        (result) => ({ row, key, result, error: undefined }),
        (error: unknown) => ({ row, key, result: undefined, error }),
      );
    }),
  );

  const finalAttempt = ctx.job.attemptsMade + 1 >= (ctx.job.opts.attempts ?? 1);
  let heldUntil: number | null = null;
  let retry: unknown = undefined;
  for (const { row, key, result, error } of results) {
    if (result?.status === 'failed-before') outcomes.failed(row, undefined);
    else if (result) outcomes.sent(row, result.status, payload.reminder);
    else if (error instanceof SendInProgress) heldUntil = Math.max(heldUntil ?? 0, error.leaseUntil?.getTime() ?? 0);
    else if (error instanceof UnrecoverableError) outcomes.failed(row, error); // the send log already says failed
    else if (finalAttempt) {
      await markSendFailed(key, error);
      outcomes.failed(row, error);
    } else retry ??= error;
  }
  return { heldUntil, retry };
}

/** The reminders whose personal link is still unused and unexpired; the others are counted, not sent. */
async function unansweredLinks(eligible: { row: Row; contact: Contact }[], tokens: Map<string, string>, outcomes: BatchOutcomes): Promise<{ row: Row; contact: Contact }[]> {
  const hashOf = (row: Row) => hashResponseToken(tokens.get(row._id.toString())!);
  const links = await ResponseTokenModel.find({ tokenHash: { $in: eligible.map(({ row }) => hashOf(row)) } }, { tokenHash: 1, usedAt: 1, expiresAt: 1 }).lean();
  const linkByHash = new Map(links.map((link) => [link.tokenHash, link]));
  const now = new Date();
  return eligible.filter(({ row }) => {
    const link = linkByHash.get(hashOf(row));
    if (link?.usedAt) outcomes.count('responded');
    else if (!link || link.expiresAt <= now) outcomes.count('link-expired');
    else return true;
    return false;
  });
}
