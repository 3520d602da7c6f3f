/**
 * A case's SLA clocks at one instant: which stages run in its state, when each is due and warns, and
 * the timers to schedule for them. Pure: the server stores the readings and enqueues the timers.
 */
import type { BusinessCalendar } from './business-calendar.schema';
import { runningStages, type CaseState } from './case-states';
import type { PauseInterval } from './sla-clock';
import { stageTargetsFor, type CasePriority, type SlaPolicy, type SlaStage } from './sla-policy.schema';
import { planStageTimers, type StageTimer } from './sla-timers';

export interface CaseClockInput {
  state: CaseState;
  priority: CasePriority;
  segment: string;
  cycleStartedAt: Date;
  pauses: readonly PauseInterval[];
  version: number;
  policy: SlaPolicy;
  calendar: BusinessCalendar;
}

export interface StageClockState {
  stage: SlaStage;
  targetSeconds: number;
  dueAt: Date | null;
  warnAt: Date | null;
}

export interface CaseTimer extends StageTimer {
  stage: SlaStage;
  version: number;
}

export interface CaseClocks {
  clocks: StageClockState[];
  timers: CaseTimer[];
  paused: boolean;
  /** Earliest due and warning instants of the running clocks; null when none runs or all are paused. */
  dueAt: Date | null;
  warnAt: Date | null;
}

const earliest = (dates: Array<Date | null>): Date | null =>
  dates.reduce<Date | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null);

/** The clocks of a case in `input.state` as known at `now`. */
export function planCaseClocks(input: CaseClockInput, now: Date): CaseClocks {
  // Customer answers are not recorded yet, so the answer stage runs until resolution.
  const { stages, paused } = runningStages(input.state, false);
  const targets = stageTargetsFor(input.policy, input.priority, input.segment);
  const clocks: StageClockState[] = [];
  const timers: CaseTimer[] = [];
  for (const stage of stages) {
    const plan = planStageTimers(
      {
        calendar: input.calendar,
        stage,
        version: input.version,
        startedAt: input.cycleStartedAt,
        targetSeconds: targets[stage],
        warningRatio: input.policy.warningRatio,
        escalation: input.policy.escalation,
        pauses: input.pauses,
      },
      now,
    );
    const at = (kind: StageTimer['kind']) => plan.timers.find((t) => t.kind === kind)?.at ?? null;
    clocks.push({ stage, targetSeconds: targets[stage], dueAt: at('breached'), warnAt: at('due-soon') });
    timers.push(...plan.timers.map((timer) => ({ ...timer, stage, version: input.version })));
  }
  return { clocks, timers, paused, dueAt: earliest(clocks.map((c) => c.dueAt)), warnAt: earliest(clocks.map((c) => c.warnAt)) };
}
