import mongoose, { type Types } from 'mongoose';
import { delayUntilWindow } from '@shared/distributions/send-window';
import type { AppContext } from '../app-context';
import { hashResponseToken } from '../responses/response-token.service';
import { ResponseTokenModel } from '../responses/response-token.model';
import { DistributionModel, type DistributionRecord } from './distribution.model';
import { personalToken } from './personal-link';
import { RecipientModel } from './recipient.model';
import { enqueueSends } from './send.job';
import { emitWebhookEventInTransaction } from '../webhooks/webhook-events';

const DAY_MS = 86_400_000;
const BATCH_SIZE = 1000;

/**
 * Finds recipients due a reminder (invited or last reminded at least `afterDays` ago, link unused and
 * unexpired, fewer than `max` reminders) and enqueues their reminders; marks those who answered as
 * responded so they are never reminded. Also completes one-time distributions with nothing left to do.
 */
export async function sweepReminders(ctx: AppContext): Promise<{ enqueued: number; responded: number; completed: number }> {
  const totals = { enqueued: 0, responded: 0, completed: 0 };
  const distributions = await DistributionModel.find({ status: 'active' }).lean<DistributionRecord[]>();
  for (const distribution of distributions) {
    if (distribution.reminders.max > 0) {
      const { enqueued, responded } = await remindDistribution(ctx, distribution);
      totals.enqueued += enqueued;
      totals.responded += responded;
    }
    if (await completeIfDone(distribution)) totals.completed++;
  }
  return totals;
}

async function remindDistribution(ctx: AppContext, distribution: DistributionRecord): Promise<{ enqueued: number; responded: number }> {
  const now = new Date();
  const cutoff = new Date(now.getTime() - distribution.reminders.afterDays * DAY_MS);
  const delay = delayUntilWindow(now, distribution.sendWindow);
  const notBefore = delay > 0 ? new Date(now.getTime() + delay) : null;
  let enqueued = 0;
  let responded = 0;
  let lastId: Types.ObjectId | null = null;
  for (;;) {
    const due: { _id: Types.ObjectId; remindersSent?: number | null }[] = await RecipientModel.find(
      {
        distributionId: distribution._id,
        status: 'sent',
        respondedAt: null,
        remindersSent: { $lt: distribution.reminders.max },
        lastSentAt: { $lte: cutoff },
        tokenExpiresAt: { $gt: now },
        ...(lastId ? { _id: { $gt: lastId } } : {}),
      },
      { remindersSent: 1 },
    )
      .sort({ _id: 1 })
      .limit(BATCH_SIZE)
      .lean();
    if (due.length === 0) break;
    lastId = due[due.length - 1]!._id;
    const hashOf = new Map<string, (typeof due)[number]>(due.map((row) => [hashResponseToken(personalToken(ctx, row._id)), row]));
    const used = await ResponseTokenModel.find({ tokenHash: { $in: [...hashOf.keys()] }, usedAt: { $ne: null } }, { tokenHash: 1, usedAt: 1 }).lean();
    const answered = new Set<string>();
    if (used.length > 0) {
      await RecipientModel.bulkWrite(
        used.map((token) => {
          const row = hashOf.get(token.tokenHash)!;
          answered.add(row._id.toString());
          return { updateOne: { filter: { _id: row._id }, update: { $set: { respondedAt: token.usedAt } } } };
        }),
      );
      responded += used.length;
    }
    const toRemind = due.filter((row) => !answered.has(row._id.toString()));
    await enqueueSends(
      ctx,
      distribution,
      toRemind.map((row) => ({ recipientId: row._id, notBefore, reminder: (row.remindersSent ?? 0) + 1 })),
      now,
    );
    enqueued += toRemind.length;
  }
  return { enqueued, responded };
}

/** A one-time distribution is complete once its occurrence ran and no recipient can still get an email. */
async function completeIfDone(distribution: DistributionRecord): Promise<boolean> {
  if (distribution.schedule.type !== 'once' || distribution.lastOccurrence !== 'once') return false;
  const now = new Date();
  const open = await RecipientModel.exists({
    distributionId: distribution._id,
    $or: [
      { status: 'queued' },
      { status: 'sent', respondedAt: null, remindersSent: { $lt: distribution.reminders.max }, tokenExpiresAt: { $gt: now } },
    ],
  });
  if (open) return false;
  // The completion and its webhook deliveries commit together, so no completion goes unannounced.
  return mongoose.connection.transaction(async (session) => {
    const { modifiedCount } = await DistributionModel.updateOne({ _id: distribution._id, status: 'active' }, { $set: { status: 'completed' } }, { session });
    if (modifiedCount === 0) return false;
    const id = distribution._id.toString();
    const data = { distributionId: id, surveyId: distribution.surveyId.toString(), touchpoint: distribution.touchpoint, channel: distribution.channel ?? null };
    await emitWebhookEventInTransaction({ type: 'distribution.completed', subjectId: id, at: now, data }, session);
    return true;
  });
}
