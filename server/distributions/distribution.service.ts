import { CronExpressionParser } from 'cron-parser';
import { Types } from 'mongoose';
import {
  SKIP_REASONS,
  type Distribution,
  type DistributionCounts,
  type DistributionStatus,
  type DistributionInput,
  type DistributionListItem,
  type DistributionWithCounts,
  type OutboxPage,
  type SkipReason,
} from '@shared/distributions/distribution.schema';
import { cronPatternOf, scheduleTimeZone } from '@shared/distributions/occurrence';
import type { SendLogEntry } from '@shared/mail/send-log.schema';
import type { InvalidParam } from '@shared/http/problem.schema';
import type { AppContext } from '../app-context';
import { Conflict, Invalid, NotFound } from '../lib/errors';
import { SendLogModel } from '../mail/send-log.model';
import { isKnownChannel } from '../surveys/survey-cache';
import { ResponseTokenModel } from '../responses/response-token.model';
import { SurveyModel } from '../surveys/survey.model';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { DistributionModel, type DistributionRecord } from './distribution.model';
import { occurrenceJob, onceJobIdOf, schedulerIdOf } from './occurrence.job';
import { RecipientModel } from './recipient.model';
import { enqueueSends } from './send.job';

type Ctx = Pick<AppContext, 'queues' | 'config'>;

/** Survey open, touchpoint and channel known, cron readable: all checked at once, so one 400 names every fault. */
async function checkReferences(input: DistributionInput): Promise<void> {
  const [survey, touchpoint, channelKnown] = await Promise.all([
    SurveyModel.findById(input.survey, { status: 1 }).lean(),
    TouchpointModel.exists({ key: input.touchpoint }),
    input.channel === undefined || isKnownChannel(input.channel),
  ]);
  const invalid: InvalidParam[] = [];
  if (!survey) invalid.push({ name: 'body.survey', reason: `there is no survey ${input.survey}` });
  else if (survey.status !== 'published') invalid.push({ name: 'body.survey', reason: `the survey is ${survey.status}; publish it first` });
  if (!touchpoint) invalid.push({ name: 'body.touchpoint', reason: `there is no touchpoint "${input.touchpoint}"` });
  if (!channelKnown) invalid.push({ name: 'body.channel', reason: `there is no channel "${input.channel}"` });
  if (input.schedule.type === 'recurring' && input.schedule.cron !== undefined) {
    try {
      CronExpressionParser.parse(input.schedule.cron, { tz: scheduleTimeZone(input) });
    } catch (error) {
      invalid.push({ name: 'body.schedule.cron', reason: `not a cron pattern: ${(error as Error).message}` });
    }
  }
  if (input.schedule.type === 'once' && input.schedule.at !== undefined && Date.parse(input.schedule.at) > Date.now() + 366 * 86_400_000) {
    invalid.push({ name: 'body.schedule.at', reason: 'must be within a year' });
  }
  if (invalid.length > 0) throw new Invalid('The distribution refers to something that is not there or not ready.', invalid);
}


/** Creates the distribution and its schedule: a delayed job (once) or a job scheduler (recurring). */
export async function createDistribution(ctx: Ctx, input: DistributionInput, userId: string | null): Promise<{ id: string }> {
  await checkReferences(input);
  const doc = await DistributionModel.create({
    surveyId: input.survey,
    touchpoint: input.touchpoint,
    channel: input.channel ?? null,
    audience: input.audience,
    schedule: input.schedule,
    reminders: input.reminders,
    quarantineDays: input.quarantineDays,
    sendWindow: input.sendWindow ?? null,
    tokenTtlDays: input.tokenTtlDays,
    status: 'active',
    createdBy: userId && Types.ObjectId.isValid(userId) ? userId : null,
  });
  await startSchedule(ctx, doc.toObject() as DistributionRecord);
  return { id: doc._id.toString() };
}

async function startSchedule(ctx: Ctx, distribution: DistributionRecord): Promise<void> {
  const id = distribution._id.toString();
  if (distribution.schedule.type === 'recurring') {
    await ctx.queues.schedule(occurrenceJob, schedulerIdOf(id), { pattern: cronPatternOf(distribution.schedule), tz: scheduleTimeZone(distribution) }, { distributionId: id });
    return;
  }
  if (distribution.lastOccurrence === 'once') return;
  const at = distribution.schedule.at ? Date.parse(distribution.schedule.at) : Date.now();
  await ctx.queues.enqueue(occurrenceJob, { distributionId: id, occurrence: 'once' }, { jobId: onceJobIdOf(id, distribution.generation ?? 0), delay: Math.max(0, at - Date.now()) });
}

async function stopSchedule(ctx: Ctx, distribution: DistributionRecord): Promise<void> {
  const id = distribution._id.toString();
  if (distribution.schedule.type === 'recurring') await ctx.queues.unschedule(occurrenceJob, schedulerIdOf(id));
  // A running occurrence cannot be removed (it is locked); it sees the new status between batches.
  else await ctx.queues.queue(occurrenceJob).remove(onceJobIdOf(id, distribution.generation ?? 0)).catch(() => 0);
}

async function transition(id: string, from: DistributionStatus[], to: DistributionStatus, extra: { $inc?: { generation: number } } = {}): Promise<DistributionRecord> {
  const updated = await DistributionModel.findOneAndUpdate(
    { _id: new Types.ObjectId(id), status: { $in: from } },
    { $set: { status: to }, ...extra },
    { returnDocument: 'after' },
  ).lean<DistributionRecord>();
  if (updated) return updated;
  const existing = await DistributionModel.findById(id, { status: 1 }).lean();
  if (!existing) throw new NotFound(`There is no distribution ${id}.`);
  throw new Conflict(`The distribution is ${existing.status}; only a distribution that is ${from.join(' or ')} can become ${to}.`, 'distribution-status');
}

/** Stops scheduling and sending; queued recipients stay queued and go out on resume. */
export async function pauseDistribution(ctx: Ctx, id: string): Promise<DistributionWithCounts> {
  const distribution = await transition(id, ['active'], 'paused');
  await stopSchedule(ctx, distribution);
  return getDistribution(id);
}

/** Restores the schedule and re-enqueues every still-queued recipient, under a new generation of job ids. */
export async function resumeDistribution(ctx: Ctx, id: string): Promise<DistributionWithCounts> {
  const distribution = await transition(id, ['paused'], 'active', { $inc: { generation: 1 } });
  await startSchedule(ctx, distribution);
  let lastId: Types.ObjectId | null = null;
  for (;;) {
    const rows: { _id: Types.ObjectId; notBefore?: Date | null }[] = await RecipientModel.find(
      { distributionId: distribution._id, status: 'queued', ...(lastId ? { _id: { $gt: lastId } } : {}) },
      { notBefore: 1 },
    )
      .sort({ _id: 1 })
      .limit(1000)
      .lean();
    if (rows.length === 0) break;
    lastId = rows[rows.length - 1]!._id;
    await enqueueSends(ctx, distribution, rows.map((row) => ({ recipientId: row._id, notBefore: row.notBefore ?? null })));
  }
  return getDistribution(id);
}

/** Ends the distribution for good: no schedule, and recipients not yet sent are skipped as cancelled. */
export async function cancelDistribution(ctx: Ctx, id: string): Promise<DistributionWithCounts> {
  const distribution = await transition(id, ['active', 'paused'], 'cancelled');
  await stopSchedule(ctx, distribution);
  await RecipientModel.updateMany({ distributionId: distribution._id, status: 'queued' }, { $set: { status: 'skipped', skipReason: 'cancelled' } });
  return getDistribution(id);
}

function toDistribution(doc: DistributionRecord & { createdAt: Date; updatedAt: Date }): Distribution {
  return {
    id: doc._id.toString(),
    survey: doc.surveyId.toString(),
    touchpoint: doc.touchpoint,
    channel: doc.channel ?? null,
    audience: doc.audience,
    schedule: doc.schedule,
    reminders: { afterDays: doc.reminders.afterDays, max: doc.reminders.max },
    quarantineDays: doc.quarantineDays,
    sendWindow: doc.sendWindow ?? null,
    tokenTtlDays: doc.tokenTtlDays,
    status: doc.status,
    lastOccurrence: doc.lastOccurrence ?? null,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

/** The newest 500 distributions (of one survey, if given), each with its counts. */
export async function listDistributions(filter: { survey?: string } = {}): Promise<DistributionListItem[]> {
  const docs = await DistributionModel.find(filter.survey ? { surveyId: filter.survey } : {})
    .sort({ createdAt: -1 })
    .limit(500)
    .lean<(DistributionRecord & { createdAt: Date; updatedAt: Date })[]>();
  const counts = await countRecipientsOf(docs.map((doc) => doc._id));
  return docs.map((doc) => ({ ...toDistribution(doc), counts: counts.get(doc._id.toString())! }));
}

const noCounts = (): DistributionCounts => ({
  recipients: 0,
  queued: 0,
  sent: 0,
  failed: 0,
  responded: 0,
  reminded: 0,
  skipped: Object.fromEntries(SKIP_REASONS.map((reason) => [reason, 0])) as Record<SkipReason, number>,
  deferred: { sendWindow: 0 },
});

/**
 * Recipient counts by status and skip reason, reminders sent, and links used, of every distribution
 * given: two grouped queries however many there are (a list page does not ask once per row).
 */
export async function countRecipientsOf(distributionIds: Types.ObjectId[]): Promise<Map<string, DistributionCounts>> {
  const counts = new Map(distributionIds.map((id) => [id.toString(), noCounts()]));
  if (distributionIds.length === 0) return counts;
  const distributionId = distributionIds.length === 1 ? distributionIds[0] : { $in: distributionIds };
  const now = new Date();
  const [groups, used] = await Promise.all([
    RecipientModel.aggregate<{ _id: { distributionId: Types.ObjectId; status: string; reason: string | null; deferred: boolean }; n: number; reminders: number }>([
      { $match: { distributionId } },
      {
        $group: {
          _id: { distributionId: '$distributionId', status: '$status', reason: '$skipReason', deferred: { $gt: ['$notBefore', now] } },
          n: { $sum: 1 },
          reminders: { $sum: '$remindersSent' },
        },
      },
    ]),
    ResponseTokenModel.aggregate<{ _id: Types.ObjectId; n: number }>([
      { $match: { distributionId, usedAt: { $ne: null } } },
      { $group: { _id: '$distributionId', n: { $sum: 1 } } },
    ]),
  ]);
  for (const { _id: key, n, reminders } of groups) {
    const of = counts.get(key.distributionId.toString());
    if (!of) continue;
    of.recipients += n;
    of.reminded += reminders;
    if (key.status === 'queued') {
      of.queued += n;
      if (key.deferred) of.deferred.sendWindow += n;
    } else if (key.status === 'sent') of.sent += n;
    else if (key.status === 'failed') of.failed += n;
    else if (key.status === 'skipped' && key.reason) of.skipped[key.reason as SkipReason] += n;
  }
  for (const { _id: id, n } of used) {
    const of = counts.get(id.toString());
    if (of) of.responded = n;
  }
  return counts;
}

/** One distribution's counts (see countRecipientsOf). */
export async function countRecipients(distributionId: Types.ObjectId): Promise<DistributionCounts> {
  return (await countRecipientsOf([distributionId])).get(distributionId.toString())!;
}

export async function getDistribution(id: string): Promise<DistributionWithCounts> {
  const doc = await DistributionModel.findById(id).lean<DistributionRecord & { createdAt: Date; updatedAt: Date }>();
  if (!doc) throw new NotFound(`There is no distribution ${id}.`);
  const [counts, occurrences] = await Promise.all([countRecipients(doc._id), RecipientModel.distinct('occurrence', { distributionId: doc._id })]);
  return { ...toDistribution(doc), counts, occurrences: (occurrences as string[]).sort() };
}

/** The send log of one distribution, newest first, a page at a time (`cursor` = the previous page's `next`). */
export async function distributionOutbox(id: string, page: { limit: number; cursor?: string | undefined }): Promise<OutboxPage> {
  if (!(await DistributionModel.exists({ _id: id }))) throw new NotFound(`There is no distribution ${id}.`);
  const docs = await SendLogModel.find({ distributionId: id, ...(page.cursor ? { _id: { $lt: new Types.ObjectId(page.cursor) } } : {}) })
    .sort({ _id: -1 })
    .limit(page.limit + 1)
    .lean();
  const entries: SendLogEntry[] = docs.slice(0, page.limit).map((doc) => ({
    id: doc._id.toString(),
    key: doc.key,
    kind: doc.kind,
    to: doc.to,
    subject: doc.subject ?? null,
    status: doc.status,
    attempts: doc.attempts ?? 0,
    contactId: doc.contactId?.toString() ?? null,
    distributionId: doc.distributionId?.toString() ?? null,
    occurrence: doc.occurrence ?? null,
    error: (doc.error as SendLogEntry['error']) ?? null,
    sentAt: doc.sentAt?.toISOString() ?? null,
    createdAt: doc.createdAt.toISOString(),
  }));
  return { entries, next: docs.length > page.limit ? entries[entries.length - 1]!.id : null };
}
