import { Types } from 'mongoose';
import { occurrenceOf, scheduleTimeZone } from '@shared/distributions/occurrence';
import { delayUntilWindow } from '@shared/distributions/send-window';
import type { AppContext } from '../app-context';
import { ContactModel } from '../contacts/contact.model';
import { isDuplicateKey } from '../lib/mongo-errors';
import { hashResponseToken } from '../responses/response-token.service';
import { ResponseTokenModel } from '../responses/response-token.model';
import { SurveyModel } from '../surveys/survey.model';
import { audienceQuery } from './audience';
import { DistributionModel, type DistributionRecord } from './distribution.model';
import { personalToken } from './personal-link';
import { RecipientModel } from './recipient.model';
import { enqueueSends } from './send.job';

const BATCH_SIZE = 500;
const RECIPIENT_DEFAULTS = {
  sentAt: null,
  lastSentAt: null,
  remindersSent: 0,
  respondedAt: null,
  error: null,
};
const DAY_MS = 86_400_000;

type KnownRow = { _id: Types.ObjectId; contactId: Types.ObjectId; status: string; notBefore?: Date | null };

type BatchContact = {
  _id: Types.ObjectId;
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

/** Inserts, ignoring duplicate keys; true when there were some. */
async function insertIgnoringDuplicates(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return false;
  } catch (error) {
    if (!onlyDuplicates(error)) throw error;
    return true;
  }
}

/**
 * The `lastSurveyedAt` value this occurrence's quarantine claims write: reserved in Redis (for an hour)
 * so no other claim uses the same one, and kept on the distribution so a re-run of the occurrence
 * reuses it and recognises the contacts it had already claimed. A claim writes it with one
 * conditional updateMany and reads back who carries it, so it must be unique: two distributions
 * claiming the same contact in the same millisecond must not both see "theirs".
 */
async function claimStampOf(ctx: Pick<AppContext, 'redis' | 'config'>, distribution: DistributionRecord, occurrence: string): Promise<Date> {
  const kept = distribution.claim;
  if (kept?.occurrence === occurrence && kept.stamp) return kept.stamp;
  for (let ms = Date.now(); ; ms++) {
    const taken = await ctx.redis.set(`${ctx.config.QUEUE_PREFIX}:distribution-claim-stamp:${ms}`, '1', 'PX', 3_600_000, 'NX');
    if (taken !== 'OK') continue;
    const stamp = new Date(ms);
    await DistributionModel.updateOne({ _id: distribution._id }, { $set: { claim: { occurrence, stamp } } });
    return stamp;
  }
}

/**
 * Runs one firing of a distribution: walks the audience in batches, records each contact as a
 * recipient (queued, or skipped with a reason), stores the personal-link token hashes and enqueues the
 * sends in bulk. Safe to run twice for the same occurrence: rows are unique per contact and occurrence,
 * a re-run keeps what was recorded, claims the rest and re-enqueues queued rows (the send log keeps each email single).
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
    stamp: await claimStampOf(ctx, distribution, occurrence),
  };
  // One cursor over the audience in _id order, taken in batches: one index scan for the whole walk
  // (a re-run walks it again from the start; the rows it finds tell it what was decided).
  const cursor = ContactModel.find(audienceQuery(distribution.audience), { segment: 1, unsubscribedAt: 1, lastSurveyedAt: 1 })
    .sort({ _id: 1 })
    .lean<BatchContact[]>()
    .cursor({ batchSize: BATCH_SIZE });
  try {
    let contacts: BatchContact[] = [];
    const take = async (): Promise<boolean> => {
      const batch = await decideBatch(ctx, plan, contacts);
      contacts = [];
      summary.queued += batch.queued;
      summary.skipped += batch.skipped;
      // A pause or cancel while the audience is walked stops the walk; resume runs the occurrence again.
      const current = await DistributionModel.findById(distributionId, { status: 1 }).lean();
      return current?.status === 'active';
    };
    for await (const contact of cursor) {
      contacts.push(contact);
      if (contacts.length === BATCH_SIZE && !(await take())) return { ...summary, outcome: 'not-active' };
    }
    if (contacts.length > 0 && !(await take())) return { ...summary, outcome: 'not-active' };
  } finally {
    await cursor.close();
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
  stamp: Date;
}

/**
 * One batch of the audience, in a handful of round trips whatever its size: the rows an earlier run
 * wrote, one claim for the rest, token hashes and rows inserted in bulk, one addBulk. The claim comes
 * before the rows: a run that dies in between leaves contacts carrying this occurrence's stamp, which
 * the re-run counts as its own.
 */
async function decideBatch(ctx: AppContext, plan: BatchPlan, contacts: BatchContact[]): Promise<{ queued: number; skipped: number }> {
  const { distribution, occurrence, stamp } = plan;
  const rowsFilter = { distributionId: distribution._id, occurrence, contactId: { $in: contacts.map((contact) => contact._id) } };
  let known = await RecipientModel.find(rowsFilter, { contactId: 1, status: 1, notBefore: 1 }).lean<KnownRow[]>();
  const knownIds = new Set(known.map((row) => row.contactId.toString()));
  const fresh = contacts.filter((contact) => !knownIds.has(contact._id.toString()));

  const toClaim = fresh.filter((contact) => !contact.unsubscribedAt).map((contact) => contact._id);
  const claimed = new Set<string>();
  if (toClaim.length > 0) {
    // Atomic per contact: only a contact not surveyed within quarantineDays (by any distribution) takes the stamp.
    await ContactModel.updateMany(
      { _id: { $in: toClaim }, unsubscribedAt: null, $or: [{ lastSurveyedAt: null }, { lastSurveyedAt: { $lte: plan.quarantineCutoff } }] },
      { $set: { lastSurveyedAt: stamp } },
    );
    for (const contact of await ContactModel.find({ _id: { $in: toClaim }, lastSurveyedAt: stamp }, { _id: 1 }).lean()) claimed.add(contact._id.toString());
  }

  const rows = fresh.map((contact) => {
    const queued = claimed.has(contact._id.toString());
    return {
      _id: new Types.ObjectId(),
      distributionId: distribution._id,
      occurrence,
      contactId: contact._id,
      segment: contact.segment ?? null,
      status: queued ? 'queued' : 'skipped',
      skipReason: queued ? null : contact.unsubscribedAt ? 'unsubscribed' : 'quarantine',
      notBefore: queued ? plan.notBefore : null,
      tokenExpiresAt: queued ? plan.tokenExpiresAt : null,
    } as const;
  });
  const queuedRows = rows.filter((row) => row.status === 'queued');
  if (queuedRows.length > 0) {
    // Token hashes first: a queued row always has a working link behind it.
    await insertIgnoringDuplicates(() =>
      ResponseTokenModel.insertMany(
        queuedRows.map((row) => ({
          tokenHash: hashResponseToken(personalToken(ctx, row._id)),
          surveyId: distribution.surveyId,
          contactId: row.contactId,
          distributionId: distribution._id,
          segment: row.segment,
          touchpoint: distribution.touchpoint,
          channel: distribution.channel ?? null,
          occurrence,
          expiresAt: plan.tokenExpiresAt,
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
  let inserted = rows;
  if (rows.length > 0) {
    // A lean insert skips mongoose defaults and timestamps, so they are written out here.
    const duplicates = await insertIgnoringDuplicates(() =>
      RecipientModel.insertMany(
        rows.map(({ segment: _segment, ...row }) => ({ ...RECIPIENT_DEFAULTS, ...row, createdAt: plan.now, updatedAt: plan.now })),
        { ordered: false, lean: true },
      ),
    );
    if (duplicates) {
      // A concurrent run of this occurrence wrote some rows first: take what is stored as the truth.
      inserted = [];
      known = await RecipientModel.find(rowsFilter, { contactId: 1, status: 1, notBefore: 1 }).lean<KnownRow[]>();
    }
  }
  const sends = [
    ...known.filter((row) => row.status === 'queued'),
    ...inserted.filter((row) => row.status === 'queued'),
  ].map((row) => ({ recipientId: row._id, notBefore: row.notBefore ?? null }));
  await enqueueSends(ctx, distribution, sends, plan.now);
  return { queued: queuedRows.length, skipped: rows.length - queuedRows.length };
}
