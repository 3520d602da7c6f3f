import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from './business-calendar.schema';
import { addBusinessTime, businessTimeBetween } from './business-time';
import { readStageClock, stageDueAt, type PauseInterval } from './sla-clock';

const at = (iso: string) => new Date(iso);
const H = 3_600_000;
const MIN = 60_000;
// Asia/Shanghai (UTC+8), Mon-Fri 09:00-18:00: 01:00Z-10:00Z.
const office = businessCalendarSchema.parse({
  timeZone: 'Asia/Shanghai',
  weeklyHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '09:00', to: '18:00' }]])),
});
const monday9 = at('2025-06-09T01:00:00Z');
const clock = (targetMs: number, pauses: PauseInterval[], startedAt = monday9) => ({ calendar: office, startedAt, targetMs, pauses });

describe('an SLA stage clock with pauses', () => {
  it('runs without pauses to start + target in business time', () => {
    const reading = readStageClock(clock(4 * H, []), at('2025-06-09T04:00:00Z'));
    expect(reading).toEqual({ dueAt: at('2025-06-09T05:00:00Z'), elapsedMs: 3 * H, remainingMs: 1 * H, pausedMs: 0, paused: false, breached: false });
  });

  it('stops while waiting on the customer: no due instant until the customer answers', () => {
    const waiting = clock(4 * H, [{ from: at('2025-06-09T02:00:00Z'), to: null }]);
    const reading = readStageClock(waiting, at('2025-06-09T03:00:00Z'));
    expect(reading).toMatchObject({ dueAt: null, elapsedMs: 1 * H, remainingMs: 3 * H, pausedMs: 1 * H, paused: true, breached: false });
    // A pause recorded with an end still ahead of `now` is running too.
    expect(readStageClock(clock(4 * H, [{ from: at('2025-06-09T02:00:00Z'), to: at('2025-06-09T08:00:00Z') }]), at('2025-06-09T03:00:00Z')).paused).toBe(true);
  });

  it('moves the due instant back by exactly the business time paused', () => {
    // Paused 10:00-11:30 local: due 13:00 becomes 14:30.
    const resumed = clock(4 * H, [{ from: at('2025-06-09T02:00:00Z'), to: at('2025-06-09T03:30:00Z') }]);
    expect(readStageClock(resumed, at('2025-06-09T04:00:00Z'))).toEqual({
      dueAt: at('2025-06-09T06:30:00Z'),
      elapsedMs: 1.5 * H,
      remainingMs: 2.5 * H,
      pausedMs: 1.5 * H,
      paused: false,
      breached: false,
    });
  });

  it('counts only the business part of a pause over the night', () => {
    // Started Mon 15:00 local, 4 h: due Tue 10:00. Paused Mon 17:00 to Tue 10:00 = 2 business hours: due Tue 12:00.
    const overnight = clock(4 * H, [{ from: at('2025-06-09T09:00:00Z'), to: at('2025-06-10T02:00:00Z') }], at('2025-06-09T07:00:00Z'));
    expect(stageDueAt(overnight, at('2025-06-10T03:00:00Z'))).toEqual(at('2025-06-10T04:00:00Z'));
  });

  it('leaves a breach standing when the pause starts after it', () => {
    const late = clock(1 * H, [{ from: at('2025-06-09T03:00:00Z'), to: at('2025-06-09T04:00:00Z') }]);
    expect(readStageClock(late, at('2025-06-09T05:00:00Z'))).toMatchObject({ dueAt: at('2025-06-09T02:00:00Z'), elapsedMs: 3 * H, breached: true });
  });

  it('breaches exactly at the due instant', () => {
    expect(readStageClock(clock(1 * H, []), at('2025-06-09T01:59:59.999Z')).breached).toBe(false);
    expect(readStageClock(clock(1 * H, []), at('2025-06-09T02:00:00Z')).breached).toBe(true);
  });

  it('ignores pause time before the start and merges overlapping pauses', () => {
    const messy = clock(2 * H, [
      { from: at('2025-06-09T02:30:00Z'), to: at('2025-06-09T03:00:00Z') },
      { from: at('2025-06-08T00:00:00Z'), to: at('2025-06-09T01:30:00Z') },
      { from: at('2025-06-09T02:00:00Z'), to: at('2025-06-09T02:45:00Z') },
    ]);
    // 30 min before 01:30Z and 60 min from 02:00Z to 03:00Z count as paused.
    expect(readStageClock(messy, at('2025-06-09T06:00:00Z'))).toMatchObject({ dueAt: at('2025-06-09T04:30:00Z'), pausedMs: 90 * MIN });
  });

  it('rejects a pause ending before it starts and a target that is not a positive whole number', () => {
    expect(() => readStageClock(clock(H, [{ from: at('2025-06-09T03:00:00Z'), to: at('2025-06-09T02:00:00Z') }]), at('2025-06-09T05:00:00Z'))).toThrow(RangeError);
    expect(() => readStageClock(clock(0, []), monday9)).toThrow(RangeError);
    expect(() => readStageClock(clock(1.5, []), monday9)).toThrow(RangeError);
  });
});

describe('stage clock properties', () => {
  const minute = (from: string, to: string) => fc.integer({ min: Date.parse(from) / MIN, max: Date.parse(to) / MIN }).map((m) => new Date(m * MIN));
  const start = minute('2025-06-01T00:00:00Z', '2025-07-01T00:00:00Z');
  const target = fc.integer({ min: 1, max: 30 * H });
  const later = new Date('2026-01-01T00:00:00Z');

  it('pausing and resuming shifts the due instant by exactly the paused business time', () => {
    fc.assert(
      fc.property(start, target, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 7 * 24 * 60 }), (startedAt, targetMs, where, minutes) => {
        const due = addBusinessTime(office, startedAt, targetMs);
        // A pause starting before the due instant, of any length.
        const from = new Date(startedAt.getTime() + Math.floor((due.getTime() - startedAt.getTime() - 1) * where));
        const to = new Date(from.getTime() + minutes * MIN);
        const shifted = stageDueAt({ calendar: office, startedAt, targetMs, pauses: [{ from, to }] }, later);
        expect(shifted).not.toBeNull();
        expect(businessTimeBetween(office, due, shifted!)).toBe(businessTimeBetween(office, from, to));
      }),
      { seed: 21, numRuns: 150 },
    );
  });

  it('reads elapsed + remaining = target, and breached exactly from the due instant on', () => {
    const pause = fc.tuple(minute('2025-06-01T00:00:00Z', '2025-07-10T00:00:00Z'), fc.integer({ min: 0, max: 3 * 24 * 60 }));
    fc.assert(
      fc.property(start, target, fc.array(pause, { maxLength: 3 }), minute('2025-06-01T00:00:00Z', '2025-07-20T00:00:00Z'), (startedAt, targetMs, rawPauses, now) => {
        const pauses = rawPauses.map(([from, minutes]) => ({ from, to: new Date(from.getTime() + minutes * MIN) }));
        const reading = readStageClock({ calendar: office, startedAt, targetMs, pauses }, now);
        expect(reading.elapsedMs + reading.remainingMs).toBe(targetMs);
        expect(reading.elapsedMs).toBeGreaterThanOrEqual(0);
        if (reading.dueAt) expect(reading.breached).toBe(now.getTime() >= reading.dueAt.getTime());
        else expect(reading.paused && !reading.breached).toBe(true);
      }),
      { seed: 22, numRuns: 150 },
    );
  });
});
