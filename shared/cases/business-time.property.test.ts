import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS, businessCalendarSchema, clockMinutes, type BusinessCalendar } from './business-calendar.schema';
import { addBusinessTime, businessTimeBetween, isWorking, nextWorkingInstant } from './business-time';
import { intlOffsetMs } from './zone-offset';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;

// Calendars chosen to hit every rule: DST both ways, overnight shifts, split days, whole and partial holidays.
const CALENDARS: BusinessCalendar[] = [
  businessCalendarSchema.parse({
    timeZone: 'Asia/Shanghai',
    weeklyHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '18:00' }]])),
    holidays: [{ date: '2025-10-01' }, { date: '2025-10-03', from: '09:00', to: '12:00' }],
  }),
  businessCalendarSchema.parse({
    timeZone: 'Europe/London',
    weeklyHours: { fri: [{ from: '22:00', to: '06:00' }], sat: [{ from: '22:00', to: '06:00' }], sun: [{ from: '01:30', to: '02:30' }] },
    holidays: [{ date: '2025-03-29', from: '23:00', to: '24:00' }],
  }),
  businessCalendarSchema.parse({
    timeZone: 'America/New_York',
    weeklyHours: { sun: [{ from: '00:00', to: '04:00' }], wed: [{ from: '08:00', to: '20:00' }], sat: [{ from: '20:00', to: '02:30' }] },
    holidays: [{ date: '2025-11-05' }],
  }),
];

// Around both 2025 DST transitions of London and New York, in whole minutes, often within two days of one.
const TRANSITIONS = ['2025-03-09T07:00:00Z', '2025-03-30T01:00:00Z', '2025-10-26T01:00:00Z', '2025-11-02T06:00:00Z'].map((iso) => Date.parse(iso) / MIN);
const instant = fc
  .oneof(
    fc.integer({ min: Date.UTC(2025, 2, 1) / MIN, max: Date.UTC(2025, 3, 1) / MIN }),
    fc.integer({ min: Date.UTC(2025, 9, 1) / MIN, max: Date.UTC(2025, 10, 10) / MIN }),
    fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -2 * 24 * 60, max: 2 * 24 * 60 })).map(([t, d]) => t + d),
  )
  .map((minutes) => new Date(minutes * MIN));
const calendarIndex = fc.integer({ min: 0, max: CALENDARS.length - 1 });
const duration = fc.integer({ min: 0, max: 40 * H });
const options = (seed: number, numRuns = 150) => ({ seed, numRuns });

/** Independent oracle: is the minute starting at `ms` working, read straight off Intl's wall clock? */
function minuteIsWorking(calendar: BusinessCalendar, ms: number): boolean {
  const wall = ms + intlOffsetMs(calendar.timeZone, ms);
  const day = Math.floor(wall / DAY);
  const minute = Math.floor((wall - day * DAY) / MIN);
  const date = new Date(day * DAY).toISOString().slice(0, 10);
  for (const holiday of calendar.holidays) {
    if (holiday.date !== date) continue;
    if (holiday.from === undefined || holiday.to === undefined) return false;
    if (minute >= clockMinutes(holiday.from) && minute < clockMinutes(holiday.to)) return false;
  }
  const shiftsOf = (d: number) => calendar.weeklyHours[WEEKDAYS[new Date(d * DAY).getUTCDay()] ?? 'sun'] ?? [];
  const inShift = (from: number, to: number, m: number) => m >= from && m < (to > from ? to : to + 1440);
  return shiftsOf(day).some((s) => inShift(clockMinutes(s.from), clockMinutes(s.to), minute)) || shiftsOf(day - 1).some((s) => inShift(clockMinutes(s.from), clockMinutes(s.to), minute + 1440));
}

describe('business time properties', () => {
  it('matches a minute-by-minute count read off Intl', () => {
    fc.assert(
      fc.property(calendarIndex, instant, fc.integer({ min: 0, max: 2 * 24 * 60 }), (i, start, minutes) => {
        const calendar = CALENDARS[i]!;
        let expected = 0;
        for (let m = 0; m < minutes; m++) if (minuteIsWorking(calendar, start.getTime() + m * MIN)) expected += MIN;
        expect(businessTimeBetween(calendar, start, new Date(start.getTime() + minutes * MIN))).toBe(expected);
        expect(isWorking(calendar, start)).toBe(minuteIsWorking(calendar, start.getTime()));
      }),
      options(1, 40),
    );
  });

  it('measures back exactly what it added', () => {
    fc.assert(
      fc.property(calendarIndex, instant, duration, (i, start, ms) => {
        const calendar = CALENDARS[i]!;
        expect(businessTimeBetween(calendar, start, addBusinessTime(calendar, start, ms))).toBe(ms);
      }),
      options(2),
    );
  });

  it('lands a positive duration inside working time, never at the next opening', () => {
    fc.assert(
      fc.property(calendarIndex, instant, fc.integer({ min: 1, max: 40 * H }), (i, start, ms) => {
        const calendar = CALENDARS[i]!;
        const due = addBusinessTime(calendar, start, ms);
        expect(isWorking(calendar, new Date(due.getTime() - 1))).toBe(true);
      }),
      options(3),
    );
  });

  it('is monotonic in the duration', () => {
    fc.assert(
      fc.property(calendarIndex, instant, duration, duration, (i, start, a, b) => {
        const calendar = CALENDARS[i]!;
        const [shorter, longer] = a <= b ? [a, b] : [b, a];
        expect(addBusinessTime(calendar, start, shorter).getTime()).toBeLessThanOrEqual(addBusinessTime(calendar, start, longer).getTime());
      }),
      options(4),
    );
  });

  it('adds in steps as in one go', () => {
    fc.assert(
      fc.property(calendarIndex, instant, duration, duration, (i, start, a, b) => {
        const calendar = CALENDARS[i]!;
        expect(addBusinessTime(calendar, addBusinessTime(calendar, start, a), b)).toEqual(addBusinessTime(calendar, start, a + b));
      }),
      options(5),
    );
  });

  it('splits a span at any point without losing time, and is antisymmetric', () => {
    fc.assert(
      fc.property(calendarIndex, instant, instant, instant, (i, a, b, c) => {
        const calendar = CALENDARS[i]!;
        const between = (x: Date, y: Date) => businessTimeBetween(calendar, x, y);
        expect(between(a, b) + between(b, c)).toBe(between(a, c));
        expect(between(b, a) + between(a, b)).toBe(0);
      }),
      options(6),
    );
  });

  it('finds the next working instant: working, and nothing working before it', () => {
    fc.assert(
      fc.property(calendarIndex, instant, (i, at) => {
        const calendar = CALENDARS[i]!;
        const next = nextWorkingInstant(calendar, at);
        expect(isWorking(calendar, next)).toBe(true);
        expect(businessTimeBetween(calendar, at, next)).toBe(0);
        expect(next.getTime() === at.getTime()).toBe(isWorking(calendar, at));
      }),
      options(7),
    );
  });
});
