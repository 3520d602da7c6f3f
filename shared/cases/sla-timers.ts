/**
 * The timers a running SLA stage needs: "due soon" at the warning threshold, "breached" at the target
 * and one per escalation rung, all in business time with the stage's pauses taken out.
 *
 * Every plan carries the stage's clock version. The case bumps it whenever the stage changes, pauses or
 * resumes and plans again; a timer that fires with another version is stale and does nothing, so old
 * delayed jobs never need deleting.
 */
import type { BusinessCalendar } from './business-calendar.schema';
import { stageDueAt, type PauseInterval } from './sla-clock';
import type { EscalationLevel, EscalationStep, SlaStage } from './sla-policy.schema';

export type StageTimerKind = 'due-soon' | 'breached' | 'escalation';

export interface StageTimer {
  kind: StageTimerKind;
  /** For escalations, the rung notified. */
  level?: EscalationLevel;
  at: Date;
  /** Unique per case, stage, version and timer; no `:` so it can be a BullMQ job id as it is. */
  key: string;
}

export interface StageTimerInput {
  calendar: BusinessCalendar;
  stage: SlaStage;
  /** The stage clock's version, bumped on every change of stage, pause or resume. */
  version: number;
  startedAt: Date;
  targetSeconds: number;
  warningRatio: number;
  escalation: readonly EscalationStep[];
  pauses: readonly PauseInterval[];
}

export interface StageTimerPlan {
  stage: SlaStage;
  version: number;
  /** Paused at `now`: timers the pause holds back are left out; resuming bumps the version and plans again. */
  paused: boolean;
  /** In firing order; instants already past are included (the caller fires them at once). */
  timers: StageTimer[];
}

/** The timers of a running stage as known at `now`. */
export function planStageTimers(input: StageTimerInput, now: Date): StageTimerPlan {
  if (!Number.isSafeInteger(input.version) || input.version < 0) throw new RangeError(`a clock version is a whole number, not ${input.version}`);
  const targetMs = input.targetSeconds * 1000;
  const dueAfter = (ms: number) => stageDueAt({ calendar: input.calendar, startedAt: input.startedAt, pauses: input.pauses, targetMs: ms }, now);
  const prefix = `${input.stage}-v${input.version}`;
  const nowMs = now.getTime();
  const paused = input.pauses.some(({ from, to }) => from.getTime() <= nowMs && (to === null || to.getTime() > nowMs));
  const breachedAt = dueAfter(targetMs);
  if (breachedAt === null) return { stage: input.stage, version: input.version, paused, timers: [] };
  // At least one ms, so a tiny target still warns before it breaches (or at the same instant).
  const warningAt = dueAfter(Math.max(1, Math.floor(targetMs * input.warningRatio)));
  const timers: StageTimer[] = [];
  if (warningAt !== null) timers.push({ kind: 'due-soon', at: warningAt, key: `${prefix}-due-soon` });
  timers.push({ kind: 'breached', at: breachedAt, key: `${prefix}-breached` });
  for (const { level, afterSeconds } of input.escalation) {
    const at = afterSeconds === 0 ? breachedAt : dueAfter(targetMs + afterSeconds * 1000);
    if (at !== null) timers.push({ kind: 'escalation', level, at, key: `${prefix}-escalate-${level}` });
  }
  return { stage: input.stage, version: input.version, paused, timers };
}

/** Whether a fired timer belongs to the stage clock as it is now (else it is stale and must do nothing). */
export function isCurrentTimer(timer: { stage: SlaStage; version: number }, current: { stage: SlaStage; version: number }): boolean {
  return timer.stage === current.stage && timer.version === current.version;
}

/** The mark a timer leaves on its case once it took effect: per cycle, stage and timer (not per version). */
export const firedKeyOf = (cycle: number, timer: { stage: SlaStage; kind: StageTimerKind; level?: EscalationLevel | null }): string =>
  `${cycle}-${timer.stage}-${timer.kind}${timer.level ? `-${timer.level}` : ''}`;

/**
 * The one timer a case keeps queued: the earliest of its planned timers (ties by key) that has not taken
 * effect in this cycle, other than `firing` (the timer running now). Each timer that fires queues the
 * next, so a case holds one delayed job instead of one per stage, warning and rung; a timer already
 * past is picked at once, which is how a lost job is made up for.
 */
export function nextTimer<T extends { stage: SlaStage; kind: StageTimerKind; level?: EscalationLevel | null; at: Date; key: string }>(
  timers: readonly T[],
  fired: readonly string[],
  cycle: number,
  firing?: string,
): T | null {
  let next: T | null = null;
  for (const timer of timers) {
    if (timer.key === firing || fired.includes(firedKeyOf(cycle, timer))) continue;
    if (next === null || timer.at < next.at || (timer.at.getTime() === next.at.getTime() && timer.key < next.key)) next = timer;
  }
  return next;
}
