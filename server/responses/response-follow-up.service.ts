import type { Types } from 'mongoose';
import { formatCaseRef } from '@shared/cases/case-api.schema';
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
  /**
   * Set when the owners' alert was handed to a digest: the start of its window (which digest lists it)
   * and when that digest is due. The mark stays `pending` until the digest went out.
   */
  digestWindow?: Date | null;
  digestDue?: Date | null;
  doneAt: Date | null;
  doneBy: Types.ObjectId | null;
  /**
   * The number of the case the match opened (follow-ups are worked as cases); `done` mirrors that case
   * being resolved or closed. Absent on marks from before cases, until the start-up migration opens theirs.
   */
  caseNumber?: number | null;
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
    case: mark.caseNumber ? formatCaseRef(mark.caseNumber) : null,
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
 * Hands a pending mark's owner alert to the digest of `window` (its acknowledgement outcome is recorded
 * now). `previous` is the window it was handed to before (a digest that never went out), or null. False
 * when the mark moved on meanwhile (another run handed it over, or it is no longer pending).
 */
export async function handFollowUpToDigest(
  responseId: Types.ObjectId,
  ack: FollowUpAlerts['ack'],
  window: { start: Date; end: Date },
  previous: Date | null,
): Promise<boolean> {
  const result = await ResponseModel.updateOne(
    { _id: responseId, 'followUp.status': 'pending', 'followUp.digestWindow': previous },
    {
      $set: {
        'followUp.alerts': { ack, owners: {}, ownersSkipped: null },
        'followUp.digestWindow': window.start,
        'followUp.digestDue': window.end,
      },
    },
  );
  return result.modifiedCount === 1;
}

/** What an owner digest lists about one response. */
export type DigestEntry = Pick<ResponseDoc, '_id' | 'surveyId' | 'contactId' | 'submittedAt' | 'followUp'>;

/** The pending follow-ups of a touchpoint handed to one digest window, oldest first (at most `limit`). */
export async function followUpsInDigest(touchpoint: string, windowStart: Date, limit: number): Promise<DigestEntry[]> {
  return ResponseModel.find(
    { 'followUp.status': 'pending', 'followUp.digestWindow': windowStart, touchpoint },
    { surveyId: 1, contactId: 1, submittedAt: 1, followUp: 1 },
  )
    .sort({ submittedAt: 1, _id: 1 })
    .limit(limit)
    .lean<DigestEntry[]>();
}

/** A digest went out: the follow-ups it listed become `open`, with what came of each owner's email. */
export async function markDigestSent(
  ids: readonly Types.ObjectId[],
  windowStart: Date,
  owners: FollowUpAlerts['owners'],
  ownersSkipped: FollowUpAlerts['ownersSkipped'],
): Promise<number> {
  const result = await ResponseModel.updateMany(
    { _id: { $in: ids }, 'followUp.status': 'pending', 'followUp.digestWindow': windowStart },
    { $set: { 'followUp.status': 'open', 'followUp.alerts.owners': owners, 'followUp.alerts.ownersSkipped': ownersSkipped } },
  );
  return result.modifiedCount;
}

/** Records the case a mark opened. */
export async function setFollowUpCase(responseId: Types.ObjectId, caseNumber: number): Promise<void> {
  await ResponseModel.updateOne({ _id: responseId, followUp: { $ne: null } }, { $set: { 'followUp.caseNumber': caseNumber } });
}

/**
 * Mirrors the follow-up's case on its mark: `done` once the case is resolved or closed (by whom, when),
 * back to `open` when it is reopened. A `pending` mark keeps its alerts due whatever the case does.
 */
export async function mirrorFollowUpCase(responseId: Types.ObjectId, done: { at: Date; by: Types.ObjectId | null } | null): Promise<void> {
  if (done) {
    await ResponseModel.updateOne({ _id: responseId, 'followUp.status': 'open' }, { $set: { 'followUp.status': 'done', 'followUp.doneAt': done.at, 'followUp.doneBy': done.by } });
  } else {
    await ResponseModel.updateOne({ _id: responseId, 'followUp.status': 'done' }, { $set: { 'followUp.status': 'open', 'followUp.doneAt': null, 'followUp.doneBy': null } });
  }
}

/** Marks with no case number yet (from before cases, or whose case could not be opened), by id after `after`. */
export async function followUpsWithoutCase(after: Types.ObjectId | null, limit: number): Promise<ResponseDoc[]> {
  return ResponseModel.find({ 'followUp.status': { $in: ['pending', 'open', 'done'] }, 'followUp.caseNumber': null, ...(after ? { _id: { $gt: after } } : {}) })
    .sort({ _id: 1 })
    .limit(limit)
    .lean<ResponseDoc[]>();
}

/**
 * Matched responses whose alerts should have run by now (their job was lost or gave up); one waiting
 * for its digest counts only once that digest is overdue too.
 */
export async function overdueFollowUps(olderThanMs: number, limit: number): Promise<Types.ObjectId[]> {
  const now = Date.now();
  const overdue = new Date(now - olderThanMs);
  const docs = await ResponseModel.find(
    // A week back at most: older alerts would reach customers too late to help.
    {
      'followUp.status': 'pending',
      'followUp.matchedAt': { $lte: overdue, $gte: new Date(now - 7 * 24 * 3600_000) },
      $or: [{ 'followUp.digestDue': null }, { 'followUp.digestDue': { $lte: overdue } }],
    },
    { _id: 1 },
  )
    .limit(limit)
    .lean();
  return docs.map((doc) => doc._id);
}
