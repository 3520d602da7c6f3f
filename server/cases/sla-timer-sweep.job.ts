import { z } from 'zod';
import { nextTimer } from '@shared/cases/sla-timers';
import { defineJob, type AppContext } from '../app-context';
import { releaseFinishedJobId } from '../lib/queue';
import { CaseModel, type CaseRecord } from './case.model';
import { enqueueNextTimer, slaTimerJob, timerJobId } from './sla-timer.job';

/**
 * Re-queues the timer chain of cases whose next timer should have taken effect at least `graceMs` ago
 * and did not: its enqueue was lost (Redis down after the case was saved) or its job ran out of
 * attempts (SMTP down for long). A timer still waiting or running is left alone. Only the chain's next
 * timer is queued; each timer queues the one after it when it fires.
 */
export async function sweepCaseTimers(ctx: AppContext, graceMs: number, now = new Date()): Promise<{ requeued: number }> {
  const cutoff = new Date(now.getTime() - graceMs);
  const candidates = (await CaseModel.find({ nextTimerAt: { $lte: cutoff } }, { number: 1, cycle: 1, firedTimers: 1, timers: 1, clockVersion: 1 })
    .sort({ nextTimerAt: 1 })
    .limit(500)
    .lean()) as unknown as CaseRecord[];
  const queue = ctx.queues.queue(slaTimerJob);
  let requeued = 0;
  for (const doc of candidates) {
    const timer = nextTimer(doc.timers, doc.firedTimers, doc.cycle);
    if (!timer || !(await releaseFinishedJobId(queue, timerJobId(doc.number, timer)))) continue;
    await enqueueNextTimer(ctx, doc, undefined, now.getTime());
    requeued += 1;
  }
  return { requeued };
}

export const slaTimerSweepJob = defineJob({
  queue: 'case-sla-timer-sweep',
  payload: z.object({}).strict(),
  concurrency: 1,
  defaults: { attempts: 1, removeOnComplete: { age: 3600, count: 100 } },
  schedule: (ctx) => ({ repeat: { every: ctx.config.CASE_TIMER_SWEEP_MS }, payload: {} }),
  handle: (_payload, ctx) => sweepCaseTimers(ctx, ctx.config.CASE_TIMER_SWEEP_MS),
});
