/**
 * What a stage clock reads at an instant: counting down, due soon, breached, or paused. Pure, with the
 * instant passed in, so the ticking display and its tests agree; the server's readings (dueAt, warnAt,
 * breached) are the only inputs.
 */
import type { z } from 'zod';
import type { stageClockViewSchema } from '@shared/cases/case-api.schema';
import type { SlaStage } from '@shared/cases/sla-policy.schema';

export type StageClockView = z.infer<typeof stageClockViewSchema>;

export type ClockReading =
  | { stage: SlaStage; kind: 'running' | 'due-soon'; remainingMs: number }
  | { stage: SlaStage; kind: 'breached'; overdueMs: number | null }
  | { stage: SlaStage; kind: 'paused' };

/** `clock` at `now`; `paused` is the case's "waiting on customer" pause. */
export function readStageClock(clock: StageClockView, paused: boolean, now: Date): ClockReading {
  const due = clock.dueAt === null ? null : Date.parse(clock.dueAt);
  const at = now.getTime();
  if (due !== null && at >= due) return { stage: clock.stage, kind: 'breached', overdueMs: at - due };
  // A breach the server recorded stays a breach, even if its due time is unknown while paused.
  if (clock.breached) return { stage: clock.stage, kind: 'breached', overdueMs: null };
  if (paused || due === null) return { stage: clock.stage, kind: 'paused' };
  const warn = clock.warnAt === null ? null : Date.parse(clock.warnAt);
  return { stage: clock.stage, kind: warn !== null && at >= warn ? 'due-soon' : 'running', remainingMs: due - at };
}

/**
 * The reading that matters most for a case in a list: the longest-overdue breach, else the clock due
 * first, else a paused one; null when no clock runs (resolved and closed cases).
 */
export function mostUrgentReading(clocks: readonly StageClockView[], paused: boolean, now: Date): ClockReading | null {
  const readings = clocks.map((clock) => readStageClock(clock, paused, now));
  const urgency = (r: ClockReading) => (r.kind === 'breached' ? -(r.overdueMs ?? 0) - 1e15 : r.kind === 'paused' ? 1e15 : r.remainingMs);
  return readings.reduce<ClockReading | null>((best, r) => (best === null || urgency(r) < urgency(best) ? r : best), null);
}

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Whole days, hours, minutes and seconds of a non-negative span (rounded down to the second). */
export function durationParts(ms: number): DurationParts {
  const total = Math.floor(Math.max(0, ms) / 1000);
  return { days: Math.floor(total / 86_400), hours: Math.floor((total % 86_400) / 3600), minutes: Math.floor((total % 3600) / 60), seconds: total % 60 };
}

/**
 * The two largest units worth reading ("2 d 4 h", "3 h 05 min", "4 min 09 s", "12 s"): a countdown
 * needs its seconds only in the last hour.
 */
export function durationUnits(ms: number): Array<[unit: 'd' | 'h' | 'min' | 's', value: number]> {
  const { days, hours, minutes, seconds } = durationParts(ms);
  if (days > 0) return [['d', days], ['h', hours]];
  if (hours > 0) return [['h', hours], ['min', minutes]];
  if (minutes > 0) return [['min', minutes], ['s', seconds]];
  return [['s', seconds]];
}
