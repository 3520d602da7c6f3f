import type { Types } from 'mongoose';
import { formatCaseRef } from '@shared/cases/case-api.schema';
import type { AppContext } from '../app-context';
import { CaseModel } from '../cases/case.model';
import { transitionCase } from '../cases/case.service';
import { Conflict } from '../lib/errors';
import { followUpOf, followUpsWithoutCase, setFollowUpCase } from '../responses/response-follow-up.service';
import { openFollowUpCase } from './follow-up-case.service';

const BATCH = 500;

/**
 * Follow-up flags from before cases become cases: each pending or open one an open case (routed and
 * prioritised like a new match), each done one a closed case. Run at start-up once the queues exist;
 * idempotent — a mark gets its case number only when its case is as it should be, and a second run
 * finds the same case through its origin key. Marks no case can be opened for (no touchpoint, no team)
 * are left and counted; the next start-up tries them again.
 */
export async function migrateFollowUpsToCases(ctx: AppContext): Promise<{ open: number; closed: number; skipped: number }> {
  const counts = { open: 0, closed: 0, skipped: 0 };
  let after: Types.ObjectId | null = null;
  for (;;) {
    const batch = await followUpsWithoutCase(after, BATCH);
    if (batch.length === 0) return counts;
    for (const response of batch) {
      after = response._id;
      const mark = followUpOf(response)!;
      const opened = await openFollowUpCase(ctx, response, mark, false);
      if (!opened) {
        counts.skipped++;
        continue;
      }
      if (mark.status === 'done') {
        await closeMigratedCase(ctx, opened.number, mark.doneBy, mark.doneAt);
        counts.closed++;
      } else counts.open++;
      await setFollowUpCase(response._id, opened.number);
    }
  }
}

/** Resolves and closes a migrated case of a done flag, by whoever marked it done; a run cut short resumes where it stopped. */
async function closeMigratedCase(ctx: AppContext, number: number, doneBy: Types.ObjectId | null, doneAt: Date | null): Promise<void> {
  const ref = formatCaseRef(number);
  // The system acts as an admin (it may see any case); an empty id records no person (`by: null`).
  const actor = { id: doneBy?.toString() ?? '', role: 'admin' as const };
  const note = `Follow-up marked done${doneAt ? ` at ${doneAt.toISOString()}` : ''}, before follow-ups were cases.`;
  const status = (await CaseModel.findOne({ number }, { status: 1 }).lean())?.status;
  try {
    if (status !== 'resolved' && status !== 'closed') await transitionCase(ctx, ref, 'resolve', actor, note);
    if (status !== 'closed') await transitionCase(ctx, ref, 'close', actor);
  } catch (error) {
    // Another process starting at the same time is closing it (the case changed under this one).
    if (!(error instanceof Conflict)) throw error;
  }
}
