import { z } from 'zod';
import { planCaseClocks, type CaseTimer } from '@shared/cases/case-clocks';
import { defineJob, type AppContext } from '../app-context';
import { releaseFinishedJobId } from '../lib/queue';
import { teamRules } from './case-admin.service';
import { CaseModel, type CaseRecord } from './case.model';
import { stateOf } from './case.service';
import { firedKeyOf, slaTimerJob, timerJobId, enqueueCaseTimers } from './sla-timer.job';

/**
 * Re-queues SLA timers that should have taken effect at least `graceMs` ago and did not: their enqueue
 * was lost (Redis down after the case was saved) or their job ran out of attempts (SMTP down for long).
 * A timer still waiting or running is left alone; a stale one cannot be planned, since plans use the
 * case's current version.
 */
export async function sweepCaseTimers(ctx: AppContext, graceMs: number, now = new Date()): Promise<{ requeued: number }> {
  const cutoff = new Date(now.getTime() - graceMs);
  const candidates = (await CaseModel.find({ status: { $nin: ['resolved', 'closed'] }, dueAt: { $lte: cutoff } }, { timeline: 0 })
    .sort({ dueAt: 1 })
    .limit(500)
    .lean()) as unknown as CaseRecord[];
  const queue = ctx.queues.queue(slaTimerJob);
  let requeued = 0;
  for (const doc of candidates) {
    const rules = await teamRules(doc.teamId);
    if (!rules) continue;
    const plan = planCaseClocks(
      { state: stateOf(doc), priority: doc.priority, segment: doc.segment, cycleStartedAt: doc.cycleStartedAt, pauses: doc.pauses, version: doc.clockVersion, policy: rules.policy, calendar: rules.calendar },
      now,
    );
    const missed: CaseTimer[] = [];
    for (const timer of plan.timers) {
      if (timer.at > cutoff || doc.firedTimers.includes(firedKeyOf(doc.cycle, timer))) continue;
      if (await releaseFinishedJobId(queue, timerJobId(doc.number, timer))) missed.push(timer);
    }
    await enqueueCaseTimers(ctx, doc.number, missed, now.getTime());
    requeued += missed.length;
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
