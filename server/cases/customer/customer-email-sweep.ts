import { formatCaseRef } from '@shared/cases/case-api.schema';
import type { AppContext } from '../../app-context';
import { SendLogModel } from '../../mail/send-log.model';
import { CaseModel, type CaseRecord } from '../case.model';
import { customerEmailKey, customerEmailKindOf } from './customer-email-kind';
import { caseCustomerEmailJob, caseCustomerEmailJobId } from './customer-email.job';
import { cycleAt } from './customer-email.service';

const DAY_MS = 24 * 3600 * 1000;
/** Cases looked at per sweep, newest changes first; the next sweep takes the rest. */
const SWEEP_CASES = 2000;

/**
 * Queues again the customer emails of recent case changes that have no send-log record and no job:
 * their enqueue was lost (Redis down as the case changed; the consumer logs it and lets the change
 * stand) or their job ran out of attempts (SMTP down for long). Entries between `windowMs` and
 * `graceMs` ago are looked at; the job id and the send log still keep each email to one.
 */
export async function requeueCustomerEmails(ctx: AppContext, graceMs: number, now = new Date(), windowMs = DAY_MS): Promise<{ requeued: number }> {
  const from = new Date(now.getTime() - windowMs);
  const until = new Date(now.getTime() - graceMs);
  const docs = (await CaseModel.find({ updatedAt: { $gte: from }, contactId: { $ne: null } }, { number: 1, timeline: 1 })
    .sort({ updatedAt: -1 })
    .limit(SWEEP_CASES)
    .lean()) as unknown as Array<Pick<CaseRecord, 'number' | 'timeline'>>;
  const due: Array<{ number: number; index: number; key: string }> = [];
  for (const doc of docs) {
    doc.timeline.forEach((entry, index) => {
      const kind = customerEmailKindOf(entry);
      if (kind && entry.at >= from && entry.at <= until) due.push({ number: doc.number, index, key: customerEmailKey(kind, formatCaseRef(doc.number), cycleAt(doc.timeline, index), index) });
    });
  }
  if (due.length === 0) return { requeued: 0 };
  const logged = new Set((await SendLogModel.find({ key: { $in: due.map((d) => d.key) } }, { key: 1 }).lean()).map((d) => d.key));
  const queue = ctx.queues.queue(caseCustomerEmailJob);
  let requeued = 0;
  for (const { number, index, key } of due) {
    if (logged.has(key)) continue;
    const jobId = caseCustomerEmailJobId(number, index);
    const job = await queue.getJob(jobId);
    // Waiting, delayed, running or done (a send that decided to skip): left alone. Failed for good: once more.
    if (job && (await job.getState()) !== 'failed') continue;
    await job?.remove();
    await ctx.queues.enqueue(caseCustomerEmailJob, { number, index }, { jobId });
    requeued += 1;
  }
  return { requeued };
}
