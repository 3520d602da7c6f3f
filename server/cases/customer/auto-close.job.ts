import { z } from 'zod';
import { autoCloseDue } from '@shared/cases/auto-close';
import { formatCaseRef } from '@shared/cases/case-api.schema';
import { defineJob, type AppContext } from '../../app-context';
import { Conflict } from '../../lib/errors';
import { CaseModel, type CaseRecord } from '../case.model';
import { transitionCase } from '../case.service';
import { reopenOwedCases } from './case-customer.service';
import { requeueCustomerEmails } from './customer-email-sweep';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Closes resolved cases whose latest resolution is `days` old (the customer did not answer "no" in that
 * time), by the system. Cases untouched since the cutoff are the only candidates: a resolution updates
 * the case, so one resolved longer ago cannot have a later `updatedAt`. A case an agent moves at the
 * same moment is left to the agent (409 skipped).
 */
export async function autoCloseResolvedCases(ctx: AppContext, days: number, now = new Date()): Promise<{ closed: string[] }> {
  const closed: string[] = [];
  if (days <= 0) return { closed };
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const candidates = (await CaseModel.find({ status: 'resolved', updatedAt: { $lte: cutoff } }, { number: 1, status: 1, timeline: 1 }).limit(500).lean()) as unknown as CaseRecord[];
  for (const doc of candidates) {
    if (!autoCloseDue(doc.status, doc.timeline, days, now)) continue;
    const ref = formatCaseRef(doc.number);
    try {
      await transitionCase(ctx, ref, 'close', 'system', undefined, now);
      closed.push(ref);
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
    }
  }
  return { closed };
}

/**
 * The cases' customer-side upkeep, every CASE_TIMER_SWEEP_MS: customer emails whose enqueue was lost,
 * then the reopens a customer's "no" still owes (so such a case is never closed instead), then the
 * auto-close when CASE_AUTO_CLOSE_DAYS is set.
 */
export const caseAutoCloseJob = defineJob({
  queue: 'case-auto-close',
  payload: z.object({}).strict(),
  concurrency: 1,
  defaults: { attempts: 1, removeOnComplete: { age: 3600, count: 100 } },
  schedule: (ctx) => ({ repeat: { every: ctx.config.CASE_TIMER_SWEEP_MS }, payload: {} }),
  handle: async (_payload, ctx) => ({
    ...(await requeueCustomerEmails(ctx, ctx.config.CASE_TIMER_SWEEP_MS)),
    ...(await reopenOwedCases(ctx)),
    ...(await autoCloseResolvedCases(ctx, ctx.config.CASE_AUTO_CLOSE_DAYS)),
  }),
});
