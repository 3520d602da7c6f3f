import { describe, expect, it } from 'vitest';
import { durationParts, durationUnits, mostUrgentReading, readStageClock, type StageClockView } from './clock-reading';

const T0 = Date.parse('2026-03-01T09:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const iso = (seconds: number) => at(seconds).toISOString();

/** A 100-second stage warning at 80 s. */
const clock = (over: Partial<StageClockView> = {}): StageClockView => ({ stage: 'acknowledge', targetSeconds: 100, dueAt: iso(100), warnAt: iso(80), breached: false, ...over });

describe('readStageClock', () => {
  it('counts down, turns due soon at the warning, and breached at the due time, ticking with the clock passed in', () => {
    expect(readStageClock(clock(), false, at(0))).toEqual({ stage: 'acknowledge', kind: 'running', remainingMs: 100_000 });
    expect(readStageClock(clock(), false, at(79.999))).toMatchObject({ kind: 'running', remainingMs: 20_001 });
    expect(readStageClock(clock(), false, at(80))).toEqual({ stage: 'acknowledge', kind: 'due-soon', remainingMs: 20_000 });
    expect(readStageClock(clock(), false, at(99.5))).toMatchObject({ kind: 'due-soon', remainingMs: 500 });
    expect(readStageClock(clock(), false, at(100))).toEqual({ stage: 'acknowledge', kind: 'breached', overdueMs: 0 });
    expect(readStageClock(clock(), false, at(160))).toEqual({ stage: 'acknowledge', kind: 'breached', overdueMs: 60_000 });
  });

  it('reads a breach the server recorded before the due time it now reports (the stage was re-planned) as breached', () => {
    expect(readStageClock(clock({ breached: true }), false, at(10))).toEqual({ stage: 'acknowledge', kind: 'breached', overdueMs: null });
  });

  it('shows a paused clock as paused, not counting, unless it had already breached', () => {
    expect(readStageClock(clock({ dueAt: null, warnAt: null }), true, at(50))).toEqual({ stage: 'acknowledge', kind: 'paused' });
    expect(readStageClock(clock(), true, at(50))).toEqual({ stage: 'acknowledge', kind: 'paused' });
    expect(readStageClock(clock({ dueAt: null, breached: true }), true, at(50))).toMatchObject({ kind: 'breached', overdueMs: null });
    expect(readStageClock(clock(), true, at(120))).toMatchObject({ kind: 'breached', overdueMs: 20_000 });
  });

  it('has no warning without a warning time', () => {
    expect(readStageClock(clock({ warnAt: null }), false, at(99))).toMatchObject({ kind: 'running' });
  });
});

describe('mostUrgentReading', () => {
  const answer = clock({ stage: 'answer', dueAt: iso(300), warnAt: iso(240) });
  it('picks the clock due first, and any breach over a countdown', () => {
    expect(mostUrgentReading([answer, clock()], false, at(0))).toMatchObject({ stage: 'acknowledge', kind: 'running' });
    expect(mostUrgentReading([clock({ dueAt: iso(500), warnAt: iso(400) }), answer], false, at(0))).toMatchObject({ stage: 'answer' });
    expect(mostUrgentReading([answer, clock()], false, at(150))).toMatchObject({ stage: 'acknowledge', kind: 'breached', overdueMs: 50_000 });
  });
  it('picks the longest-overdue breach, and is null with no clocks', () => {
    expect(mostUrgentReading([clock({ stage: 'plan', dueAt: iso(200) }), clock()], false, at(250))).toMatchObject({ stage: 'acknowledge', overdueMs: 150_000 });
    expect(mostUrgentReading([], false, at(0))).toBeNull();
  });
});

describe('durations', () => {
  it('splits a span into whole units, rounding down and never negative', () => {
    expect(durationParts(90_061_999)).toEqual({ days: 1, hours: 1, minutes: 1, seconds: 1 });
    expect(durationParts(-5)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0 });
  });
  it('keeps the two largest units that matter', () => {
    expect(durationUnits((2 * 86_400 + 4 * 3600 + 59) * 1000)).toEqual([['d', 2], ['h', 4]]);
    expect(durationUnits((3 * 3600 + 5 * 60 + 9) * 1000)).toEqual([['h', 3], ['min', 5]]);
    expect(durationUnits((4 * 60 + 9) * 1000)).toEqual([['min', 4], ['s', 9]]);
    expect(durationUnits(12_400)).toEqual([['s', 12]]);
  });
});
