import { Types } from 'mongoose';
import type { FollowUpReason, FollowUpStatus, ResponseFollowUp } from '@shared/follow-up/follow-up-rule.schema';
import { ResponseModel, type ResponseDoc } from './response.model';

/** What a follow-up email came to: sent (now or before), or why not. */
export type AlertOutcome = 'sent' | 'failed' | 'off' | 'no-contact' | 'unsubscribed' | 'flagged';

/** Why no owner was alerted (null: they were). */
export type OwnersSkipped = 'off' | 'flagged' | 'no-touchpoint' | 'no-owners' | null;

export interface FollowUpAlerts {
  ack: AlertOutcome;
  owners: Record<string, AlertOutcome>;
  ownersSkipped: OwnersSkipped;
}

/**
 * The follow-up mark a response carries (written by the follow-up feature through this file). What to
 * send is fixed when it matched, so a later rule edit does not change it.
 */
export interface StoredFollowUp {
  status: FollowUpStatus;
  reason: string;
  reasons: FollowUpReason[];
  matchedAt: Date;
  acknowledge: boolean;
  notifyOwners: boolean;
  alerts?: FollowUpAlerts | null;
  doneAt: Date | null;
  doneBy: Types.ObjectId | null;
}

/** The mark as the API shows it on a response. */
export function toResponseFollowUp(stored: unknown): ResponseFollowUp | null {
  if (!stored || typeof stored !== 'object') return null;
  const mark = stored as StoredFollowUp;
  return {
    status: mark.status,
    reason: mark.reason,
    reasons: mark.reasons ?? [],
    matchedAt: new Date(mark.matchedAt).toISOString(),
    doneAt: mark.doneAt ? new Date(mark.doneAt).toISOString() : null,
    doneBy: mark.doneBy?.toString() ?? null,
  };
}

/** A response's follow-up mark, if it has one. */
export function followUpOf(response: Pick<ResponseDoc, 'followUp'>): StoredFollowUp | null {
  return (response.followUp as StoredFollowUp | null | undefined) ?? null;
}

/**
 * Puts a mark on a response that has none. True when the alerts are still due: newly marked, or a
 * resubmission of one whose mark is still `pending`.
 */
export async function markForFollowUp(responseId: Types.ObjectId, mark: StoredFollowUp): Promise<boolean> {
  const result = await ResponseModel.updateOne({ _id: responseId, followUp: null }, { $set: { followUp: mark } });
  if (result.modifiedCount === 1) return true;
  const current = await ResponseModel.findById(responseId, { followUp: 1 }).lean();
  return current ? followUpOf(current)?.status === 'pending' : false;
}

/** A pending mark's alerts went out: it becomes `open` (unless something else moved it on first). */
export async function markFollowUpOpen(responseId: Types.ObjectId, alerts: FollowUpAlerts): Promise<void> {
  await ResponseModel.updateOne({ _id: responseId, 'followUp.status': 'pending' }, { $set: { 'followUp.status': 'open', 'followUp.alerts': alerts } });
}

/**
 * Closes a marked response's follow-up. The mark after, or why not: `unmarked` (the response has no
 * mark), `missing` (there is no such response) or `pending` (its alerts have not gone out yet).
 */
export async function closeFollowUp(responseId: string, doneBy: string | null): Promise<StoredFollowUp | 'unmarked' | 'missing' | 'pending'> {
  // Only an `open` follow-up closes: a `pending` one still has alerts to send, and closing it would cancel them.
  const response = await ResponseModel.findOneAndUpdate(
    { _id: responseId, 'followUp.status': 'open' },
    { $set: { 'followUp.status': 'done', 'followUp.doneAt': new Date(), 'followUp.doneBy': doneBy ? new Types.ObjectId(doneBy) : null } },
    { returnDocument: 'after' },
  ).lean();
  if (response) return followUpOf(response) as StoredFollowUp;
  const current = await ResponseModel.findById(responseId, { followUp: 1 }).lean();
  if (!current) return 'missing';
  const followUp = followUpOf(current);
  if (!followUp) return 'unmarked';
  // Closing a closed one again changes nothing.
  return followUp.status === 'pending' ? 'pending' : followUp;
}

/** Matched responses whose alerts should have run by now (their job was lost or gave up). */
export async function overdueFollowUps(olderThanMs: number, limit: number): Promise<Types.ObjectId[]> {
  const now = Date.now();
  const docs = await ResponseModel.find(
    // A week back at most: older alerts would reach customers too late to help.
    { 'followUp.status': 'pending', 'followUp.matchedAt': { $lte: new Date(now - olderThanMs), $gte: new Date(now - 7 * 24 * 3600_000) } },
    { _id: 1 },
  )
    .limit(limit)
    .lean();
  return docs.map((doc) => doc._id);
}
