/**
 * An SLA stage clock with pauses ("waiting on customer"): pure readings at an explicit `now`.
 *
 * Business time inside a pause does not count, so a pause that starts before the due instant pushes it
 * back by exactly the business time paused. A pause that starts at or after the due instant changes
 * nothing already breached. Pauses after `now` are ignored (the future is not known yet), and a pause
 * without an end, or ending after `now`, is still running at `now`.
 */
import type { BusinessCalendar } from './business-calendar.schema';
import { addBusinessTime, businessTimeBetween } from './business-time';

export interface PauseInterval {
  from: Date;
  /** null while the pause is still running. */
  to: Date | null;
}

export interface StageClockInput {
  calendar: BusinessCalendar;
  startedAt: Date;
  /** Business ms the stage may take. */
  targetMs: number;
  pauses: readonly PauseInterval[];
}

export interface StageClockReading {
  /** When the target is (or was) reached; null while paused before reaching it (unknown until resumed). */
  dueAt: Date | null;
  /** Business time counted so far (pauses excluded). */
  elapsedMs: number;
  /** targetMs − elapsedMs: negative once overdue. */
  remainingMs: number;
  /** Business time spent paused between the start and `now`. */
  pausedMs: number;
  paused: boolean;
  breached: boolean;
}

/** Pause intervals of [start, now] in order, merged, as [from, to, stillRunning]. */
function pausesUntil(pauses: readonly PauseInterval[], startMs: number, nowMs: number): Array<[number, number, boolean]> {
  const clipped: Array<[number, number, boolean]> = [];
  if (nowMs < startMs) return clipped;
  for (const { from, to } of pauses) {
    const fromMs = from.getTime();
    const toMs = to === null ? Infinity : to.getTime();
    if (!Number.isFinite(fromMs) || Number.isNaN(toMs)) throw new RangeError('a pause has an invalid date');
    if (toMs < fromMs) throw new RangeError(`a pause ends (${to?.toISOString()}) before it starts (${from.toISOString()})`);
    if (fromMs > nowMs || toMs <= startMs) continue;
    clipped.push([Math.max(fromMs, startMs), Math.min(toMs, nowMs), toMs > nowMs]);
  }
  clipped.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number, boolean]> = [];
  for (const pause of clipped) {
    const last = merged[merged.length - 1];
    if (last && pause[0] <= last[1]) {
      last[1] = Math.max(last[1], pause[1]);
      last[2] ||= pause[2];
    } else merged.push(pause);
  }
  return merged;
}

function assertTarget(targetMs: number): void {
  if (!Number.isSafeInteger(targetMs) || targetMs <= 0) throw new RangeError(`a stage target must be a whole, positive number of ms, not ${targetMs}`);
}

/** The instant the stage reaches `targetMs` of unpaused business time, as known at `now`. */
export function stageDueAt(input: StageClockInput, now: Date): Date | null {
  assertTarget(input.targetMs);
  const { calendar, startedAt } = input;
  let cursor = startedAt;
  let remaining = input.targetMs;
  for (const [from, to, running] of pausesUntil(input.pauses, startedAt.getTime(), now.getTime())) {
    const due = addBusinessTime(calendar, cursor, remaining);
    if (due.getTime() <= from) return due;
    remaining -= businessTimeBetween(calendar, cursor, new Date(from));
    if (running) return null;
    cursor = new Date(to);
  }
  return addBusinessTime(calendar, cursor, remaining);
}

/** The stage clock as it reads at `now`. */
export function readStageClock(input: StageClockInput, now: Date): StageClockReading {
  assertTarget(input.targetMs);
  const { calendar, startedAt } = input;
  const pauses = pausesUntil(input.pauses, startedAt.getTime(), now.getTime());
  const pausedMs = pauses.reduce((sum, [from, to]) => sum + businessTimeBetween(calendar, new Date(from), new Date(to)), 0);
  const elapsedMs = now < startedAt ? 0 : businessTimeBetween(calendar, startedAt, now) - pausedMs;
  const dueAt = stageDueAt(input, now);
  return {
    dueAt,
    elapsedMs,
    remainingMs: input.targetMs - elapsedMs,
    pausedMs,
    paused: pauses.some(([, , running]) => running),
    breached: elapsedMs >= input.targetMs,
  };
}
