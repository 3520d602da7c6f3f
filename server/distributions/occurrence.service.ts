import type { Types } from 'mongoose';
import type { SkipReason } from '@shared/distributions/distribution.schema';
import { occurrenceOf, scheduleTimeZone } from '@shared/distributions/occurrence';
import { delayUntilWindow } from '@shared/distributions/send-window';
import type { AppContext } from '../app-context';
import { ContactModel } from '../contacts/contact.model';
import { isDuplicateKey } from '../lib/mongo-errors';
import { hashResponseToken } from '../responses/response-token.service';
import { ResponseTokenModel } from '../responses/response-token.model';
import { SurveyModel } from '../surveys/survey.model';
import { afterId, audienceQuery } from './audience';
import { DistributionModel, type DistributionRecord } from './distribution.model';
import { personalToken } from './personal-link';
import { RecipientModel, type RecipientRecord } from './recipient.model';
import { enqueueSends } from './send.job';

const BATCH_SIZE = 500;
const RECIPIENT_DEFAULTS = {
  skipReason: null,
  notBefore: null,
  tokenExpiresAt: null,
  sentAt: null,
  lastSentAt: null,
  remindersSent: 0,
  respondedAt: null,
  error: null,
};
const DAY_MS = 86_400_000;

type BatchContact = {
  _id: Types.ObjectId;
  email: string;
  segment?: string | null;
  unsubscribedAt?: Date | null;
  lastSurveyedAt?: Date | null;
};

export interface OccurrenceSummary {
  occurrence: string;
  outcome: 'ran' | 'not-active' | 'survey-closed';
  queued: number;
  skipped: number;
}

/** Every write MongoDB refused was a duplicate key: a re-run inserting what the first run already had. */
function onlyDuplicates(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
  if (Array.isArray(writeErrors) && writeErrors.length > 0) return writeErrors.every(isDuplicateKey);
  return isDuplicateKey(error);
}

async function insertIgnoringDuplicates(insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (error) {
    if (!onlyDuplicates(error)) throw error;
  }
}

/**
 * A `lastSurveyedAt` value no other claim is using right now (reserved in Redis for an hour). A
 * claim writes it with one conditional updateMany and reads back who carries it, so it must be unique:
 * two distributions claiming the same contact in the same millisecond must not both see "theirs".
 */
async function reserveClaimStamp(ctx: Pick<AppContext, 'redis' | 'config'>): Promise<Date> {
  for (let ms = Date.now(); ; ms++) {
    const taken = await ctx.redis.set(`${ctx.config.QUEUE_PREFIX}:distribution-claim-stamp:${ms}`, '1', 'PX', 3_600_000, 'NX');
    if (taken === 'OK') return new Date(ms);
  }
}

/**
 * Runs one firing of a distribution: walks the audience in batches, records each contact as a
 * recipient (queued, or skipped with a reason), stores the personal-link token hashes and enqueues the
 * sends in bulk. Safe to run twice for the same occurrence: rows are unique per contact and occurrence,
 * a re-run resumes undecided rows and re-enqueues queued ones (the send log keeps each email single).
 */
export async function runOccurrence(ctx: AppContext, distributionId: string, scheduledAt: Date, givenOccurrence?: string): Promise<OccurrenceSummary> {
  const distribution = await DistributionModel.findById(distributionId).lean<DistributionRecord>();
  const occurrence = givenOccurrence ?? (distribution ? occurrenceOf(distribution.schedule, scheduledAt, scheduleTimeZone(distribution)) : 'unknown');
  const summary: OccurrenceSummary = { occurrence, outcome: 'ran', queued: 0, skipped: 0 };
  if (!distribution || distribution.status !== 'active') return { ...summary, outcome: 'not-active' };
  const survey = await SurveyModel.findById(distribution.surveyId, { status: 1 }).lean();
  if (survey?.status !== 'published') {
    ctx.logger.warn({ distributionId, occurrence }, 'distribution skipped: its survey is not open');
    return { ...summary, outcome: 'survey-closed' };
  }

  const now = new Date();
  const delay = delayUntilWindow(now, distribution.sendWindow);
  const plan: BatchPlan = {
    distribution,
    occurrence,
    now,
    notBefore: delay > 0 ? new Date(now.getTime() + delay) : null,
    tokenExpiresAt: new Date(now.getTime() + distribution.tokenTtlDays * DAY_MS),
    quarantineCutoff: new Date(now.getTime() - distribution.quarantineDays * DAY_MS),
  };
  const query = audienceQuery(distribution.audience);
  let lastId: Types.ObjectId | null = null;
  for (;;) {
    const contacts: BatchContact[] = await ContactModel.find(afterId(query, lastId), { email: 1, segment: 1, unsubscribedAt: 1, lastSurveyedAt: 1 })
      .sort({ _id: 1 })
      .limit(BATCH_SIZE)
      .lean<BatchContact[]>();
    if (contacts.length === 0) break;
    lastId = contacts[contacts.length - 1]!._id;
    const batch = await decideBatch(ctx, plan, contacts);
    summary.queued += batch.queued;
    summary.skipped += batch.skipped;
    // A pause or cancel while the audience is walked stops the walk; resume runs the occurrence again.
    const current = await DistributionModel.findById(distributionId, { status: 1 }).lean();
    if (current?.status !== 'active') return { ...summary, outcome: 'not-active' };
  }
  await DistributionModel.updateOne({ _id: distribution._id }, { $set: { lastOccurrence: occurrence } });
  ctx.logger.info({ distributionId, ...summary }, 'distribution occurrence queued');
  return summary;
}

interface BatchPlan {
  distribution: DistributionRecord;
  occurrence: string;
  now: Date;
  notBefore: Date | null;
  tokenExpiresAt: Date;
  quarantineCutoff: Date;
}

/** One batch of the audience: a handful of round trips whatever its size. */
async function decideBatch(ctx: AppContext, plan: BatchPlan, contacts: BatchContact[]): Promise<{ queued: number; skipped: number }> {
  const { distribution, occurrence } = plan;
  const contactIds = contacts.map((contact) => contact._id);
  const rowsFilter = { distributionId: distribution._id, occurrence, contactId: { $in: contactIds } };
  const stamp = await reserveClaimStamp(ctx);

  const known = new Set((await RecipientModel.find(rowsFilter, { contactId: 1 }).lean()).map((row) => row.contactId.toString()));
  const fresh = contacts.filter((contact) => !known.has(contact._id.toString()));
  if (fresh.length > 0) {
    await insertIgnoringDuplicates(() =>
      RecipientModel.insertMany(
        fresh.map((contact) => ({
          distributionId: distribution._id,
          occurrence,
          contactId: contact._id,
          email: contact.email,
          status: 'pending',
          claimStamp: stamp,
          // A lean insert skips mongoose defaults and timestamps, so they are written out here.
          ...RECIPIENT_DEFAULTS,
          createdAt: plan.now,
          updatedAt: plan.now,
        })),
        { ordered: false, lean: true },
      ),
    );
  }
  const rows = await RecipientModel.find(rowsFilter).lean<RecipientRecord[]>();
  const contactsById = new Map(contacts.map((contact) => [contact._id.toString(), contact]));

  const decisions = new Map<string, { status: 'queued' } | { status: 'skipped'; reason: SkipReason }>();
  const toClaim: RecipientRecord[] = [];
  for (const row of rows.filter((r) => r.status === 'pending')) {
    const contact = contactsById.get(row.contactId.toString())!;
    if (contact.unsubscribedAt) decisions.set(row._id.toString(), { status: 'skipped', reason: 'unsubscribed' });
    else if (row.claimStamp && contact.lastSurveyedAt?.getTime() === row.claimStamp.getTime()) decisions.set(row._id.toString(), { status: 'queued' });
    else toClaim.push(row);
  }
  if (toClaim.length > 0) {
    const stale = toClaim.filter((row) => row.claimStamp?.getTime() !== stamp.getTime()).map((row) => row._id);
    if (stale.length > 0) await RecipientModel.updateMany({ _id: { $in: stale }, status: 'pending' }, { $set: { claimStamp: stamp } });
    const claimIds = toClaim.map((row) => row.contactId);
    // Atomic per contact: only a contact not surveyed within quarantineDays (by any distribution) takes the stamp.
    await ContactModel.updateMany(
      { _id: { $in: claimIds }, unsubscribedAt: null, $or: [{ lastSurveyedAt: null }, { lastSurveyedAt: { $lte: plan.quarantineCutoff } }] },
      { $set: { lastSurveyedAt: stamp } },
    );
    const claimed = new Set((await ContactModel.find({ _id: { $in: claimIds }, lastSurveyedAt: stamp }, { _id: 1 }).lean()).map((c) => c._id.toString()));
    for (const row of toClaim) {
      decisions.set(row._id.toString(), claimed.has(row.contactId.toString()) ? { status: 'queued' } : { status: 'skipped', reason: 'quarantine' });
    }
  }

  const queuedRows = rows.filter((row) => row.status === 'queued' || decisions.get(row._id.toString())?.status === 'queued');
  if (queuedRows.length > 0) {
    await insertIgnoringDuplicates(() =>
      ResponseTokenModel.insertMany(
        queuedRows.map((row) => ({
          tokenHash: hashResponseToken(personalToken(ctx, row._id)),
          surveyId: distribution.surveyId,
          contactId: row.contactId,
          distributionId: distribution._id,
          segment: contactsById.get(row.contactId.toString())?.segment ?? null,
          occurrence,
          expiresAt: row.tokenExpiresAt ?? plan.tokenExpiresAt,
          usedAt: null,
          submissionId: null,
          responseId: null,
          createdAt: plan.now,
          updatedAt: plan.now,
        })),
        { ordered: false, lean: true },
      ),
    );
  }
  if (decisions.size > 0) {
    await RecipientModel.bulkWrite(
      [...decisions].map(([id, decision]) => ({
        updateOne: {
          filter: { _id: id, status: 'pending' },
          update: {
            $set:
              decision.status === 'queued'
                ? { status: 'queued', notBefore: plan.notBefore, tokenExpiresAt: plan.tokenExpiresAt }
                : { status: 'skipped', skipReason: decision.reason },
          },
        },
      })),
      { ordered: false },
    );
  }
  await enqueueSends(
    ctx,
    distribution,
    queuedRows.map((row) => ({ recipientId: row._id, contactId: row.contactId, notBefore: row.notBefore ?? plan.notBefore })),
    plan.now,
  );
  const skipped = [...decisions.values()].filter((d) => d.status === 'skipped').length;
  return { queued: queuedRows.length, skipped };
}
