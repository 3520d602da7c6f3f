import { Types } from 'mongoose';
import type { CaseConsumer, CaseChangeEvent } from '../cases/case-events';
import { mirrorFollowUpCase } from '../responses/response-follow-up.service';

/**
 * Keeps a follow-up's mark in step with its case, so `?followUp=open|done` on the response list still
 * says what needs someone: resolved or closed → `done`, reopened → `open`. Idempotent (conditional updates).
 */
async function mirrorCase(_ctx: unknown, { case: doc, entry }: CaseChangeEvent): Promise<void> {
  if (doc.source !== 'follow-up' || entry.kind !== 'moved' || typeof doc.origin.responseId !== 'string') return;
  const responseId = new Types.ObjectId(doc.origin.responseId);
  const to = entry.data.to;
  if (to === 'resolved' || to === 'closed') await mirrorFollowUpCase(responseId, { at: entry.at, by: entry.by });
  else if (entry.data.move === 'reopen') await mirrorFollowUpCase(responseId, null);
}

export const followUpCaseConsumer: CaseConsumer = { name: 'follow-up', changed: mirrorCase };
