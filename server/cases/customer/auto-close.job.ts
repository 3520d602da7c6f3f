import { z } from 'zod';
import { autoCloseDue } from '@shared/cases/auto-close';
import { defineJob, type AppContext } from '../../app-context';
import { CaseModel, type CaseRecord } from '../case.model';
import { moveEachCase } from '../case.service';
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
  if (days <= 0) return { closed: [] };
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const candidates = (await CaseModel.find({ status: 'resolved', updatedAt: { $lte: cutoff } }, { number: 1, status: 1, timeline: 1 }).limit(500).lean()) as unknown as CaseRecord[];
  const due = candidates.filter((doc) => autoCloseDue(doc.status, doc.timeline, days, now)).map((doc) => doc.number);
  return { closed: await moveEachCase(ctx, due, 'close', 'system', now) };
}

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
