import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { formatCaseRef } from '@shared/cases/case-api.schema';
import type { CaseTimer } from '@shared/cases/case-clocks';
import { firedKeyOf, isCurrentTimer, nextTimer } from '@shared/cases/sla-timers';
import { ESCALATION_LEVELS, SLA_STAGES, type CasePriority, type EscalationLevel, type SlaStage } from '@shared/cases/sla-policy.schema';
import { defineJob, type AppContext } from '../app-context';
import { UserModel } from '../auth/user.model';
import { sendOnce } from '../mail/send-once';
import { renderEmail } from '../mail/templates';
import { SERVER_TEXT } from '../mail/text-defaults';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { afterCaseChanged } from './case-events';
import { CaseModel, type CaseRecord, type PlannedTimer } from './case.model';
import { TeamModel } from './team.model';

const timerPayloadSchema = z
  .object({
    number: z.number().int().min(1),
    stage: z.enum(SLA_STAGES),
    version: z.number().int().min(0),
    kind: z.enum(['due-soon', 'breached', 'escalation']),
    level: z.enum(ESCALATION_LEVELS).optional(),
  })
  .strict();
type TimerPayload = z.infer<typeof timerPayloadSchema>;

/** Fires one SLA timer of a case; a timer of an older clock version does nothing. */
export const slaTimerJob = defineJob({
  queue: 'case-sla-timer',
  payload: timerPayloadSchema,
  handle: (payload, ctx) => fireSlaTimer(ctx, payload),
});

/** The stored form of a plan's timers and the one to queue first. */
export function plannedTimers(timers: readonly CaseTimer[], cycle: number, fired: readonly string[]): { timers: PlannedTimer[]; nextTimerAt: Date | null } {
  const planned = timers.map((t) => ({ stage: t.stage, kind: t.kind, level: t.level ?? null, at: t.at, key: t.key }));
  return { timers: planned, nextTimerAt: nextTimer(planned, fired, cycle)?.at ?? null };
}

/**
 * Queues a case's next timer as a delayed job (see nextTimer). The job id holds the case number and
 * the timer's key (stage, version, kind), so queueing the same timer twice keeps one job; a past
 * instant fires at once.
 */
export async function enqueueNextTimer(ctx: AppContext, doc: Pick<CaseRecord, 'number' | 'cycle' | 'firedTimers' | 'timers' | 'clockVersion'>, firing?: string, now = Date.now()): Promise<PlannedTimer | null> {
  const timer = nextTimer(doc.timers, doc.firedTimers, doc.cycle, firing);
  if (!timer) return null;
  const payload: TimerPayload = { number: doc.number, stage: timer.stage, version: doc.clockVersion, kind: timer.kind, ...(timer.level ? { level: timer.level } : {}) };
  await ctx.queues.enqueue(slaTimerJob, payload, { jobId: timerJobId(doc.number, timer), delay: Math.max(0, timer.at.getTime() - now) });
  return timer;
}

export const timerJobId = (number: number, timer: Pick<CaseTimer, 'key'>) => `case-${number}-${timer.key}`;

const keyOf = (p: TimerPayload) => `${p.stage}-v${p.version}-${p.kind === 'escalation' ? `escalate-${p.level}` : p.kind}`;

/** After a timer took effect (or found it had): queue the one after it and note when it is due, unless the clock moved on. */
async function chainNext(ctx: AppContext, p: TimerPayload): Promise<void> {
  const doc = (await CaseModel.findOne({ number: p.number, clockVersion: p.version }, { number: 1, cycle: 1, firedTimers: 1, timers: 1, clockVersion: 1 }).lean()) as CaseRecord | null;
  if (!doc) return;
  const next = await enqueueNextTimer(ctx, doc, keyOf(p));
  await CaseModel.updateOne({ number: p.number, clockVersion: p.version }, { $set: { nextTimerAt: next?.at ?? null } });
}

/** What a timer did, for the job's return value and tests. */
export type TimerOutcome = { skipped: 'no-case' | 'stale' } | { fired: string; recipients?: string[] };

/**
 * Records a timer's effect on the timeline once: the conditional update matches only while the clock
 * version is the timer's and the timer has not taken effect in this cycle.
 */
async function recordOnce(ctx: AppContext, doc: CaseRecord, p: TimerPayload, firedKey: string, data: Record<string, unknown>): Promise<void> {
  const kind = p.kind === 'escalation' ? 'escalated' : p.kind;
  const updated = await CaseModel.findOneAndUpdate(
    { number: doc.number, clockVersion: p.version, firedTimers: { $ne: firedKey } },
    {
      $addToSet: { firedTimers: firedKey, ...(p.kind === 'breached' ? { breachedStages: p.stage } : {}) },
      $push: { timeline: { at: new Date(), by: null, kind, data: { stage: p.stage, ...data } } },
    },
    { returnDocument: 'after' },
  ).lean();
  if (updated) return afterCaseChanged(ctx, updated as CaseRecord);
  // A retry (the consumers failed after the mark was made) tells them again about the entry the mark
  // appended; they are idempotent per timeline index, so a run that already got through does nothing.
  const current = (await CaseModel.findOne({ number: doc.number, firedTimers: firedKey }).lean()) as CaseRecord | null;
  if (!current) return;
  const at = current.timeline.findLastIndex((e) => e.kind === kind && e.data.stage === p.stage && e.data.level === data.level);
  if (at >= 0) await afterCaseChanged(ctx, current, at);
}

/** The addresses one escalation rung reaches. */
async function recipientsOf(doc: CaseRecord, level: EscalationLevel): Promise<string[]> {
  const emailsOf = async (filter: Record<string, unknown>) => (await UserModel.find({ ...filter, disabled: { $ne: true } }, { email: 1 }).lean()).map((u) => u.email);
  switch (level) {
    case 'assignee':
      return doc.assigneeId ? emailsOf({ _id: doc.assigneeId }) : [];
    case 'team-lead': {
      const team = await TeamModel.findById(doc.teamId, { lead: 1 }).lean();
      return team?.lead ? emailsOf({ _id: team.lead }) : [];
    }
    case 'touchpoint-owner':
      return (await TouchpointModel.findOne({ key: doc.touchpoint }, { owners: 1 }).lean())?.owners ?? [];
    case 'admin':
      return emailsOf({ role: 'admin' });
  }
}

/**
 * Sends one escalation rung's email to each of its recipients, each exactly once per case, cycle, stage
 * and rung through the send log (not per clock version: a pause after the breach plans the rung again).
 */
async function escalate(ctx: AppContext, doc: CaseRecord, stage: SlaStage, level: EscalationLevel): Promise<string[]> {
  const locale = ctx.config.STAFF_MAIL_LOCALE;
  const words = SERVER_TEXT[locale].caseEscalation;
  const ref = formatCaseRef(doc.number);
  const dueAt = doc.clocks.find((c) => c.stage === stage)?.dueAt;
  const vars = {
    caseRef: ref,
    summary: doc.summary,
    touchpoint: (await TouchpointModel.findOne({ key: doc.touchpoint }, { name: 1 }).lean())?.name ?? doc.touchpoint,
    priority: words.priority[doc.priority as CasePriority],
    stage: words.stage[stage],
    level: words.level[level],
    dueAt: dueAt ? `${dueAt.toISOString().slice(0, 19).replace('T', ' ')} UTC` : '',
    caseLink: `${ctx.publicUrl.replace(/\/+$/, '')}/cases/${ref}`,
  };
  const recipients = [...new Set((await recipientsOf(doc, level)).map((e) => e.trim().toLowerCase()).filter(Boolean))];
  let transient: unknown;
  for (const to of recipients) {
    try {
      await sendOnce(ctx.mailer, { key: `case-escalation/${ref}/${doc.cycle}/${stage}/${level}/${to}`, kind: 'case-escalation', to }, () => renderEmail('case-escalation', locale, vars), {
        leaseMs: ctx.config.SEND_LEASE_MS,
      });
    } catch (error) {
      // One address rejected for good does not hold up the others; a transient error retries the job.
      if (!(error instanceof UnrecoverableError)) transient ??= error;
    }
  }
  if (transient) throw transient;
  return recipients;
}

/** Fires one timer: marks due soon or breached, or climbs one escalation rung, unless the clock moved on. */
export async function fireSlaTimer(ctx: AppContext, p: TimerPayload): Promise<TimerOutcome> {
  const doc = (await CaseModel.findOne({ number: p.number }, { timeline: 0 }).lean()) as unknown as CaseRecord | null;
  if (!doc) return { skipped: 'no-case' };
  const running = doc.clocks.some((c) => c.stage === p.stage);
  if (!running || !isCurrentTimer(p, { stage: p.stage, version: doc.clockVersion })) return { skipped: 'stale' };
  const firedKey = firedKeyOf(doc.cycle, p);
  if (p.kind !== 'escalation') {
    await recordOnce(ctx, doc, p, firedKey, {});
    await chainNext(ctx, p);
    return { fired: firedKey };
  }
  const recipients = await escalate(ctx, doc, p.stage, p.level!);
  await recordOnce(ctx, doc, p, firedKey, { level: p.level, recipients });
  await chainNext(ctx, p);
  return { fired: firedKey, recipients };
}
