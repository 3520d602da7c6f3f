import { DelayedError, UnrecoverableError } from 'bullmq';
import { Types } from 'mongoose';
import type { SkipReason } from '@shared/distributions/distribution.schema';
import { isInsideWindow, nextSendTime, type DailyWindow } from '@shared/distributions/send-window';
import { ContactModel } from '../contacts/contact.model';
import type { JobContext } from '../lib/queue';
import { SendInProgress, markSendFailed, sendOnce } from '../mail/send-once';
import { renderEmail, templateLocaleOf } from '../mail/templates';
import { listUnsubscribeHeaders, unsubscribeUrl } from '../mail/unsubscribe';
import { hashResponseToken } from '../responses/response-token.service';
import { ResponseTokenModel } from '../responses/response-token.model';
import { TtlCache } from '../responses/ttl-cache';
import { SurveyModel } from '../surveys/survey.model';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { byIdLoader, Coalescer } from './coalesce';
import { DistributionModel } from './distribution.model';
import { personalLink, personalToken } from './personal-link';
import { RecipientModel } from './recipient.model';
import type { SendPayload } from './send.job';

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
const surveys = new TtlCache<{ slug: string; title: string; open: boolean } | null>(10_000, 256);
const touchpoints = new TtlCache<string>(10_000, 256);

/**
 * Send jobs of one worker share their reads within this window (as sendOnce's claims). Outcomes do not
 * wait: a worker dying between the email and its recipient update leaves the row queued until BullMQ
 * re-runs the stalled job, so they go out at once and only gather while a write is in flight.
 */
const BATCH_WINDOW_MS = 10;

type RecipientUpdate = { filter: Record<string, unknown>; update: Record<string, unknown> };

const loadRecipient = byIdLoader((ids) => RecipientModel.find({ _id: { $in: ids } }, { status: 1, occurrence: 1 }).lean(), BATCH_WINDOW_MS);
const loadContact = byIdLoader((ids) => ContactModel.find({ _id: { $in: ids } }, { email: 1, name: 1, locale: 1, unsubscribedAt: 1 }).lean(), BATCH_WINDOW_MS);
const loadDistribution = byIdLoader((ids) =>
  DistributionModel.find({ _id: { $in: ids } }, { status: 1, surveyId: 1, touchpoint: 1, sendWindow: 1 }).lean<
    { _id: Types.ObjectId; status: string; surveyId: Types.ObjectId; touchpoint: string; sendWindow: DailyWindow | null }[]
  >(),
  BATCH_WINDOW_MS,
);
const recipientUpdates = new Coalescer<RecipientUpdate, void>(async (updates) => {
  await RecipientModel.bulkWrite(
    updates.map(({ filter, update }) => ({ updateOne: { filter, update } })),
    { ordered: false },
  );
  return updates.map(() => undefined);
}, 'while-busy');

/** Records a recipient's outcome; batched with the other jobs' outcomes into one bulk write. */
function updateRecipient(filter: Record<string, unknown>, update: Record<string, unknown>): Promise<void> {
  return recipientUpdates.request({ filter, update });
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

export function sendLogKey(payload: SendPayload, occurrence: string): string {
  const base = `${payload.distributionId}/${payload.contactId}/${occurrence}`;
  return payload.kind === 'invitation' ? `invitation/${base}` : `reminder/${base}/${payload.reminder}`;
}

/** Parks the job until `at` without spending an attempt (BullMQ's delay-and-retry pattern). */
async function delayJob(ctx: JobContext, at: Date): Promise<never> {
  await ctx.job.moveToDelayed(at.getTime(), ctx.job.token);
  throw new DelayedError();
}

async function skipRecipient(recipientId: string, reason: SkipReason): Promise<SendOutcome> {
  await updateRecipient({ _id: new Types.ObjectId(recipientId), status: 'queued' }, { $set: { status: 'skipped', skipReason: reason } });
  return `skipped-${reason}`;
}

/**
 * Sends one invitation or reminder, re-checking everything that may have changed since it was queued:
 * the distribution (paused: left queued for resume; cancelled: skipped), the contact (unsubscribed or
 * erased: skipped), the survey, the send window and, for reminders, whether the link was used.
 * The send log (key per distribution, contact, occurrence and reminder) keeps it to one email.
 */
export async function sendToRecipient(ctx: JobContext, payload: SendPayload): Promise<{ outcome: SendOutcome }> {
  const [recipient, contact, distribution] = await Promise.all([
    loadRecipient(payload.recipientId),
    loadContact(payload.contactId),
    loadDistribution(payload.distributionId),
  ]);
  const invitation = payload.kind === 'invitation';
  if (!recipient || !distribution) return { outcome: 'not-queued' };
  if (recipient.status !== (invitation ? 'queued' : 'sent')) return { outcome: 'not-queued' };
  if (distribution.status === 'paused') return { outcome: 'paused' };
  if (distribution.status === 'cancelled') return { outcome: invitation ? await skipRecipient(payload.recipientId, 'cancelled') : 'skipped-cancelled' };
  if (!contact) return { outcome: invitation ? await skipRecipient(payload.recipientId, 'missing-contact') : 'skipped-missing-contact' };
  if (contact.unsubscribedAt) return { outcome: invitation ? await skipRecipient(payload.recipientId, 'unsubscribed') : 'skipped-unsubscribed' };
  const survey = await surveyInfo(distribution.surveyId.toString());
  if (!survey?.open) return { outcome: invitation ? await skipRecipient(payload.recipientId, 'survey-closed') : 'skipped-survey-closed' };
  const window = distribution.sendWindow;
  if (window && !isInsideWindow(new Date(), window)) return delayJob(ctx, nextSendTime(new Date(), window));

  const token = personalToken(ctx, recipient._id);
  if (!invitation) {
    const link = await ResponseTokenModel.findOne({ tokenHash: hashResponseToken(token) }, { usedAt: 1, expiresAt: 1 }).lean();
    if (link?.usedAt) return { outcome: 'responded' };
    if (!link || link.expiresAt <= new Date()) return { outcome: 'link-expired' };
  }

  const key = sendLogKey(payload, recipient.occurrence);
  let result;
  try {
    result = await sendOnce(
      ctx.mailer,
      { key, kind: payload.kind, to: contact.email, contactId: contact._id, distributionId: distribution._id, occurrence: recipient.occurrence },
      async () => {
        const rendered = await renderEmail(payload.kind, templateLocaleOf(contact.locale), {
          name: contact.name ?? null,
          email: contact.email,
          surveyTitle: survey.title,
          surveyLink: personalLink(ctx, survey.slug, token),
          touchpoint: await touchpointName(distribution.touchpoint),
          unsubscribeLink: unsubscribeUrl(ctx, contact._id),
        });
        return { subject: rendered.subject, html: rendered.html, text: rendered.text, headers: listUnsubscribeHeaders(ctx, contact._id) };
      },
      { leaseMs: ctx.config.SEND_LEASE_MS },
    );
  } catch (error) {
    if (error instanceof SendInProgress) {
      // A crashed attempt holds the entry until its lease ends; wait for that rather than burn attempts.
      return delayJob(ctx, new Date(Math.max(Date.now() + 1000, (error.leaseUntil?.getTime() ?? 0) + 250)));
    }
    const final = error instanceof UnrecoverableError || ctx.job.attemptsMade + 1 >= (ctx.job.opts.attempts ?? 1);
    if (final) {
      if (!(error instanceof UnrecoverableError)) await markSendFailed(key, error);
      const message = error instanceof Error ? error.message : String(error);
      if (invitation) await updateRecipient({ _id: recipient._id, status: { $ne: 'sent' } }, { $set: { status: 'failed', error: message.slice(0, 1000) } });
      else await updateRecipient({ _id: recipient._id }, { $set: { error: message.slice(0, 1000) } });
    }
    throw error;
  }

  if (result.status === 'failed-before') {
    if (invitation) await updateRecipient({ _id: recipient._id, status: { $ne: 'sent' } }, { $set: { status: 'failed' } });
    return { outcome: 'failed' };
  }
  const now = new Date();
  if (invitation) {
    await updateRecipient({ _id: recipient._id, status: { $ne: 'sent' } }, { $set: { status: 'sent', sentAt: now, lastSentAt: now, error: null } });
  } else {
    await updateRecipient({ _id: recipient._id, remindersSent: { $lt: payload.reminder } }, { $set: { remindersSent: payload.reminder, lastSentAt: now } });
  }
  return { outcome: result.status };
}
