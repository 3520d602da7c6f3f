import { describe, expect, it } from 'vitest';
import { businessCalendarSchema, roundTheClockCalendar, type BusinessCalendar, type BusinessCalendarInput } from './business-calendar.schema';
import { BusinessTimeError, MAX_HORIZON_MS, addBusinessTime, businessTimeBetween, isWorking, nextWorkingInstant } from './business-time';

const at = (iso: string) => new Date(iso);
const H = 3_600_000;
const MIN = 60_000;
const calendar = (input: BusinessCalendarInput): BusinessCalendar => businessCalendarSchema.parse(input);
const weekdays = (from: string, to: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from, to }]]));

describe('business time in a zone without DST (Asia/Shanghai, UTC+8, Mon-Fri 09:00-18:00)', () => {
  const office = calendar({ timeZone: 'Asia/Shanghai', weeklyHours: weekdays('09:00', '18:00') });

  it('carries what is left at closing into the next morning', () => {
    // Mon 2025-06-09 17:00 local = 09:00Z; one hour that day, one the next: Tue 10:00 local.
    expect(addBusinessTime(office, at('2025-06-09T09:00:00Z'), 2 * H)).toEqual(at('2025-06-10T02:00:00Z'));
  });

  it('ends a duration that fills the day at closing, not at the next opening', () => {
    expect(addBusinessTime(office, at('2025-06-09T09:00:00Z'), 1 * H)).toEqual(at('2025-06-09T10:00:00Z'));
  });

  it('starts a stage opened on a Saturday on Monday morning', () => {
    const saturday = at('2025-06-14T02:00:00Z'); // 10:00 local
    expect(isWorking(office, saturday)).toBe(false);
    expect(nextWorkingInstant(office, saturday)).toEqual(at('2025-06-16T01:00:00Z'));
    expect(addBusinessTime(office, saturday, 30 * MIN)).toEqual(at('2025-06-16T01:30:00Z'));
    expect(businessTimeBetween(office, saturday, at('2025-06-16T01:30:00Z'))).toBe(30 * MIN);
  });

  it('counts a weekend as nothing and measures backwards as negative', () => {
    const fridayFive = at('2025-06-13T09:00:00Z');
    const mondayTen = at('2025-06-16T02:00:00Z');
    expect(businessTimeBetween(office, fridayFive, mondayTen)).toBe(2 * H);
    expect(businessTimeBetween(office, mondayTen, fridayFive)).toBe(-2 * H);
    expect(businessTimeBetween(office, fridayFive, fridayFive)).toBe(0);
  });

  it('treats opening as working and closing as not', () => {
    expect(isWorking(office, at('2025-06-09T01:00:00Z'))).toBe(true);
    expect(isWorking(office, at('2025-06-09T00:59:59.999Z'))).toBe(false);
    expect(isWorking(office, at('2025-06-09T10:00:00Z'))).toBe(false);
    expect(nextWorkingInstant(office, at('2025-06-09T05:00:00Z'))).toEqual(at('2025-06-09T05:00:00Z'));
  });

  it('skips a Friday holiday, whole or in part', () => {
    const holiday = calendar({ timeZone: 'Asia/Shanghai', weeklyHours: weekdays('09:00', '18:00'), holidays: [{ date: '2025-06-13', name: 'Bridge day' }] });
    const thursdayFive = at('2025-06-12T09:00:00Z');
    expect(addBusinessTime(holiday, thursdayFive, 2 * H)).toEqual(at('2025-06-16T02:00:00Z'));
    const morningOff = calendar({ timeZone: 'Asia/Shanghai', weeklyHours: weekdays('09:00', '18:00'), holidays: [{ date: '2025-06-13', from: '09:00', to: '12:00' }] });
    expect(addBusinessTime(morningOff, thursdayFive, 2 * H)).toEqual(at('2025-06-13T05:00:00Z'));
    expect(isWorking(morningOff, at('2025-06-13T03:00:00Z'))).toBe(false);
  });

  it('joins several intervals a day and overlapping ones', () => {
    const split = calendar({ timeZone: 'Asia/Shanghai', weeklyHours: { mon: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '18:00' }, { from: '11:00', to: '12:30' }] } });
    // 09:00-12:30 and 13:00-18:00: 8.5 h.
    expect(businessTimeBetween(split, at('2025-06-08T16:00:00Z'), at('2025-06-09T16:00:00Z'))).toBe(8.5 * H);
    expect(addBusinessTime(split, at('2025-06-09T04:00:00Z'), 1 * H)).toEqual(at('2025-06-09T05:30:00Z'));
  });
});

describe('an overnight shift 22:00-06:00', () => {
  const nights = calendar({ timeZone: 'Asia/Shanghai', weeklyHours: weekdays('22:00', '06:00') });

  it('belongs to the day it starts: Friday night runs into Saturday, Sunday has none', () => {
    expect(isWorking(nights, at('2025-06-13T21:00:00Z'))).toBe(true); // Sat 05:00 local
    expect(isWorking(nights, at('2025-06-14T15:00:00Z'))).toBe(false); // Sat 23:00 local
    expect(isWorking(nights, at('2025-06-15T19:00:00Z'))).toBe(false); // Mon 03:00 local
    expect(nextWorkingInstant(nights, at('2025-06-14T00:00:00Z'))).toEqual(at('2025-06-16T14:00:00Z')); // Mon 22:00 local
  });

  it('adds across midnight and across the weekend', () => {
    // Fri 2025-06-13 21:00 local = 13:00Z, 9 h: Fri 22:00 to Sat 06:00 (8 h), then Mon 22:00 + 1 h.
    expect(addBusinessTime(nights, at('2025-06-13T13:00:00Z'), 9 * H)).toEqual(at('2025-06-16T15:00:00Z'));
  });

  it('loses the hours after midnight to a holiday on the next date', () => {
    const fridayOff = calendar({ timeZone: 'Asia/Shanghai', weeklyHours: weekdays('22:00', '06:00'), holidays: [{ date: '2025-06-13' }] });
    // Thursday's shift stops at Friday's midnight; Friday's own shift starts 22:00 Friday, also on the holiday.
    expect(businessTimeBetween(fridayOff, at('2025-06-12T12:00:00Z'), at('2025-06-14T12:00:00Z'))).toBe(2 * H + 6 * H);
  });
});

describe('across DST (wall-clock hours: gaps shorten, repeated hours count twice)', () => {
  it('shortens London night shifts in spring and lengthens them in autumn', () => {
    const nights = calendar({ timeZone: 'Europe/London', weeklyHours: { sat: [{ from: '22:00', to: '06:00' }] } });
    // 2025-03-29 22:00 GMT to 03-30 06:00 BST: 7 h of real time.
    expect(businessTimeBetween(nights, at('2025-03-29T12:00:00Z'), at('2025-03-30T12:00:00Z'))).toBe(7 * H);
    expect(addBusinessTime(nights, at('2025-03-29T12:00:00Z'), 7 * H)).toEqual(at('2025-03-30T05:00:00Z'));
    // 2025-10-25 22:00 BST to 10-26 06:00 GMT: 9 h.
    expect(businessTimeBetween(nights, at('2025-10-25T12:00:00Z'), at('2025-10-26T12:00:00Z'))).toBe(9 * H);
    expect(addBusinessTime(nights, at('2025-10-25T12:00:00Z'), 8 * H)).toEqual(at('2025-10-26T05:00:00Z'));
  });

  it('keeps London office hours whole over the spring weekend', () => {
    const office = calendar({ timeZone: 'Europe/London', weeklyHours: weekdays('09:00', '17:00') });
    // Fri 28 Mar 16:00 GMT + 2 h: 1 h on Friday, then Monday 09:00 BST (08:00Z) + 1 h.
    expect(addBusinessTime(office, at('2025-03-28T16:00:00Z'), 2 * H)).toEqual(at('2025-03-31T09:00:00Z'));
    expect(businessTimeBetween(office, at('2025-03-24T00:00:00Z'), at('2025-04-07T00:00:00Z'))).toBe(80 * H);
  });

  it('counts the New York gap as missing and the repeated hour twice', () => {
    const sundays = calendar({ timeZone: 'America/New_York', weeklyHours: { sun: [{ from: '00:00', to: '04:00' }] } });
    // 2025-03-09: 00:00 EST (05:00Z) to 04:00 EDT (08:00Z) is 3 h.
    expect(businessTimeBetween(sundays, at('2025-03-09T00:00:00Z'), at('2025-03-10T00:00:00Z'))).toBe(3 * H);
    // 2025-11-02: 00:00 EDT (04:00Z) to 04:00 EST (09:00Z) is 5 h; 4.5 h in is 03:30 EST.
    expect(businessTimeBetween(sundays, at('2025-11-02T00:00:00Z'), at('2025-11-03T00:00:00Z'))).toBe(5 * H);
    expect(addBusinessTime(sundays, at('2025-11-02T00:00:00Z'), 4.5 * H)).toEqual(at('2025-11-02T08:30:00Z'));
    // Both passes through 01:30 are working.
    expect(isWorking(sundays, at('2025-11-02T05:30:00Z'))).toBe(true);
    expect(isWorking(sundays, at('2025-11-02T06:30:00Z'))).toBe(true);
  });

  it('gives nothing to an interval wholly inside the spring gap', () => {
    const gap = calendar({ timeZone: 'America/New_York', weeklyHours: { sun: [{ from: '02:00', to: '03:00' }] } });
    expect(businessTimeBetween(gap, at('2025-03-09T00:00:00Z'), at('2025-03-10T00:00:00Z'))).toBe(0);
    expect(businessTimeBetween(gap, at('2025-03-16T00:00:00Z'), at('2025-03-17T00:00:00Z'))).toBe(1 * H);
    expect(nextWorkingInstant(gap, at('2025-03-09T00:00:00Z'))).toEqual(at('2025-03-16T06:00:00Z'));
    // 2025-11-02 02:00-03:00 EST happens once, after the repeated 01:00 hour.
    expect(businessTimeBetween(gap, at('2025-11-02T00:00:00Z'), at('2025-11-03T00:00:00Z'))).toBe(1 * H);
  });
});

describe('bounds', () => {
  it('equals real time on a round-the-clock calendar', () => {
    const always = roundTheClockCalendar('Europe/London');
    expect(addBusinessTime(always, at('2025-03-30T00:30:00Z'), 2 * H)).toEqual(at('2025-03-30T02:30:00Z'));
    expect(businessTimeBetween(always, at('2025-10-25T00:00:00Z'), at('2025-10-27T00:00:00Z'))).toBe(48 * H);
  });

  it('refuses a calendar without working hours at once instead of searching', () => {
    const empty = { timeZone: 'UTC', weeklyHours: {}, holidays: [] } as BusinessCalendar;
    expect(() => addBusinessTime(empty, at('2025-01-01T00:00:00Z'), H)).toThrow(BusinessTimeError);
    expect(businessCalendarSchema.safeParse(empty).success).toBe(false);
  });

  it('gives up after five years when holidays eat every working day', () => {
    const mondays = Array.from({ length: 300 }, (_, week) => new Date(Date.UTC(2025, 0, 6 + 7 * week)).toISOString().slice(0, 10));
    const onlyHolidays = calendar({ timeZone: 'UTC', weeklyHours: { mon: [{ from: '09:00', to: '10:00' }] }, holidays: mondays.map((date) => ({ date })) });
    const started = performance.now();
    expect(() => addBusinessTime(onlyHolidays, at('2025-01-01T00:00:00Z'), H)).toThrow(/within five years/);
    expect(() => nextWorkingInstant(onlyHolidays, at('2025-01-01T00:00:00Z'))).toThrow(BusinessTimeError);
    expect(isWorking(onlyHolidays, at('2025-01-06T09:30:00Z'))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('adds years of business time a chunk at a time, not a minute at a time', () => {
    const office = calendar({ timeZone: 'Europe/London', weeklyHours: weekdays('09:00', '17:00') });
    const threeYears = 3 * 52 * 40 * H;
    const started = performance.now();
    const due = addBusinessTime(office, at('2025-01-06T09:00:00Z'), threeYears);
    expect(businessTimeBetween(office, at('2025-01-06T09:00:00Z'), due)).toBe(threeYears);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects bad durations and spans', () => {
    const office = calendar({ timeZone: 'UTC', weeklyHours: weekdays('09:00', '17:00') });
    expect(() => addBusinessTime(office, at('2025-01-01T00:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addBusinessTime(office, at('2025-01-01T00:00:00Z'), 0.5)).toThrow(RangeError);
    expect(() => addBusinessTime(office, at('2025-01-01T00:00:00Z'), MAX_HORIZON_MS + 1)).toThrow(BusinessTimeError);
    expect(() => addBusinessTime(office, new Date(Number.NaN), H)).toThrow(RangeError);
    expect(() => businessTimeBetween(office, at('2020-01-01T00:00:00Z'), at('2030-01-01T00:00:00Z'))).toThrow(BusinessTimeError);
    expect(addBusinessTime(office, at('2025-01-04T00:00:00Z'), 0)).toEqual(at('2025-01-04T00:00:00Z'));
  });
});

describe('the calendar schema', () => {
  it('rejects unknown zones, empty or malformed intervals, impossible dates and unknown keys', () => {
    const base = { timeZone: 'Europe/London', weeklyHours: { mon: [{ from: '09:00', to: '17:00' }] } };
    expect(businessCalendarSchema.safeParse(base).success).toBe(true);
    expect(businessCalendarSchema.safeParse({ ...base, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(businessCalendarSchema.safeParse({ ...base, weeklyHours: { mon: [{ from: '09:00', to: '09:00' }] } }).success).toBe(false);
    expect(businessCalendarSchema.safeParse({ ...base, weeklyHours: { mon: [{ from: '24:00', to: '09:00' }] } }).success).toBe(false);
    expect(businessCalendarSchema.safeParse({ ...base, weeklyHours: { monday: [{ from: '09:00', to: '17:00' }] } }).success).toBe(false);
    expect(businessCalendarSchema.safeParse({ ...base, holidays: [{ date: '2025-02-30' }] }).success).toBe(false);
    expect(businessCalendarSchema.safeParse({ ...base, holidays: [{ date: '2025-02-03', from: '12:00' }] }).success).toBe(false);
    expect(businessCalendarSchema.safeParse({ ...base, holidays: [{ date: '2025-02-03', from: '12:00', to: '09:00' }] }).success).toBe(false);
    expect(businessCalendarSchema.safeParse({ ...base, extra: true }).success).toBe(false);
  });
});
