/**
 * Business-time arithmetic: pure functions of a calendar and explicit instants (never the clock).
 *
 * Semantics. Working hours and holidays are wall-clock times in the calendar's zone: an instant is
 * working when the zone's wall clock then shows a working time (of that date's shifts, or of the
 * previous date's overnight shift) that no holiday removes. So across DST:
 * - spring forward: wall times in the gap never happen, so an interval spanning it is shorter in real
 *   time (09:00–17:00 around a 02:00→03:00 jump is unaffected; 01:00–05:00 lasts 3 h);
 * - fall back: a repeated wall hour is working both times it happens, so 00:00–04:00 lasts 5 h.
 * Durations are real milliseconds spent inside working time; intervals are half-open [start, end).
 */
import { WEEKDAYS, clockMinutes, type BusinessCalendar } from './business-calendar.schema';
import { DAY, HOUR, offsetSegments } from './zone-offset';

const MINUTE = 60_000;
/** No computation looks further than this past its start: a due date five years out is a broken policy. */
export const MAX_HORIZON_MS = 5 * 366 * DAY;
/** Real time processed per step; big enough to add years in a few dozen steps, small enough to stop early. */
const CHUNK_MS = 28 * DAY;
/** Wider than any zone's offset (±14 h), so a chunk's wall days cover every instant in it. */
const OFFSET_MARGIN = 15 * HOUR;

/** Inputs that can never give an answer: no working time, or none within the horizon. */
export class BusinessTimeError extends Error {
  override name = 'BusinessTimeError';
}

type Range = [number, number];

interface CompiledCalendar {
  timeZone: string;
  /** Per weekday (0 = Sunday): shifts as minutes from that day's midnight; an end past 1440 is the next day. */
  weekly: Range[][];
  /** Holiday wall ranges (minutes of the day) by day number since 1970-01-01. */
  holidays: Map<number, Range[]>;
}

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const known = compiled.get(calendar);
  if (known) return known;
  const weekly = WEEKDAYS.map((day) =>
    (calendar.weeklyHours[day] ?? []).map(({ from, to }): Range => {
      const start = clockMinutes(from);
      const end = clockMinutes(to);
      return [start, end > start ? end : end + 1440];
    }),
  );
  if (weekly.every((shifts) => shifts.length === 0)) throw new BusinessTimeError('the calendar has no working hours on any weekday');
  const holidays = new Map<number, Range[]>();
  for (const { date, from, to } of calendar.holidays) {
    const [year = 0, month = 1, dayOfMonth = 1] = date.split('-').map(Number);
    const day = Date.UTC(year, month - 1, dayOfMonth) / DAY;
    const range: Range = from !== undefined && to !== undefined ? [clockMinutes(from), clockMinutes(to)] : [0, 1440];
    holidays.set(day, [...(holidays.get(day) ?? []), range]);
  }
  const result = { timeZone: calendar.timeZone, weekly, holidays };
  compiled.set(calendar, result);
  return result;
}

/** Sorted, overlapping or touching ranges joined. */
function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** `ranges` minus `holes`, both merged and sorted. */
function subtractRanges(ranges: Range[], holes: Range[]): Range[] {
  const result: Range[] = [];
  for (const [start, end] of ranges) {
    let cursor = start;
    for (const [holeStart, holeEnd] of holes) {
      if (holeEnd <= cursor || holeStart >= end) continue;
      if (holeStart > cursor) result.push([cursor, holeStart]);
      cursor = Math.max(cursor, holeEnd);
    }
    if (cursor < end) result.push([cursor, end]);
  }
  return result;
}

/** Working wall-clock ranges (ms of the wall clock) of the shifts starting on days `firstDay..lastDay`. */
function workingWallRanges(calendar: CompiledCalendar, firstDay: number, lastDay: number): Range[] {
  const shifts: Range[] = [];
  const holidays: Range[] = [];
  for (let day = firstDay; day <= lastDay + 1; day++) {
    const midnight = day * DAY;
    // Day 0 (1970-01-01) was a Thursday.
    if (day <= lastDay) for (const [from, to] of calendar.weekly[(((day + 4) % 7) + 7) % 7] ?? []) shifts.push([midnight + from * MINUTE, midnight + to * MINUTE]);
    for (const [from, to] of calendar.holidays.get(day) ?? []) holidays.push([midnight + from * MINUTE, midnight + to * MINUTE]);
  }
  return subtractRanges(mergeRanges(shifts), mergeRanges(holidays));
}

/** Working real-time intervals inside [fromMs, toMs), sorted and disjoint. */
function workingIntervalsWithin(calendar: CompiledCalendar, fromMs: number, toMs: number): Range[] {
  const firstDay = Math.floor((fromMs - OFFSET_MARGIN) / DAY) - 1; // - 1: the previous night's shift
  const lastDay = Math.floor((toMs + OFFSET_MARGIN) / DAY);
  const segments = offsetSegments(calendar.timeZone, fromMs, toMs);
  const intervals: Range[] = [];
  for (const [wallStart, wallEnd] of workingWallRanges(calendar, firstDay, lastDay)) {
    // The instants whose wall clock is in the range: per stretch of constant offset, shift it back.
    for (const { start, end, offset } of segments) {
      const from = Math.max(wallStart - offset, start);
      const to = Math.min(wallEnd - offset, end);
      if (from < to) intervals.push([from, to]);
    }
  }
  // A repeated autumn hour interleaves the preimages of neighbouring wall ranges, hence the sort.
  return mergeRanges(intervals);
}

/** Working real-time intervals from `fromMs` on, in order, a chunk at a time, ending at `untilMs`. */
function* workingIntervals(calendar: CompiledCalendar, fromMs: number, untilMs: number): Generator<Range> {
  for (let start = fromMs; start < untilMs; start += CHUNK_MS) {
    yield* workingIntervalsWithin(calendar, start, Math.min(start + CHUNK_MS, untilMs));
  }
}

function instantMs(at: Date, what: string): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid date`);
  return ms;
}

/**
 * The instant at which `ms` of business time has passed since `start` (the due instant): inside or at
 * the end of a working interval, never at the start of the next one. Adding 0 gives `start` itself.
 */
export function addBusinessTime(calendar: BusinessCalendar, start: Date, ms: number): Date {
  const from = instantMs(start, 'start');
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`business time to add must be a whole, non-negative number of ms, not ${ms}`);
  if (ms > MAX_HORIZON_MS) throw new BusinessTimeError(`cannot add more than five years of business time (${ms} ms)`);
  const compiledCalendar = compile(calendar);
  if (ms === 0) return new Date(from);
  let remaining = ms;
  for (const [intervalStart, intervalEnd] of workingIntervals(compiledCalendar, from, from + MAX_HORIZON_MS)) {
    if (intervalEnd - intervalStart >= remaining) return new Date(intervalStart + remaining);
    remaining -= intervalEnd - intervalStart;
  }
  throw new BusinessTimeError(`the calendar has too little working time to reach ${ms} ms within five years of ${start.toISOString()}`);
}

/** Business time in [a, b), in ms; negative when b is before a. Spans over five years are refused. */
export function businessTimeBetween(calendar: BusinessCalendar, a: Date, b: Date): number {
  const from = instantMs(a, 'a');
  const to = instantMs(b, 'b');
  // 0 - x, not -x: an empty span backwards is 0, not -0.
  if (to < from) return 0 - businessTimeBetween(calendar, b, a);
  if (to - from > MAX_HORIZON_MS) throw new BusinessTimeError('cannot measure business time over more than five years');
  let total = 0;
  for (const [start, end] of workingIntervals(compile(calendar), from, to)) total += end - start;
  return total;
}

/** The first working instant at or after `at`. */
export function nextWorkingInstant(calendar: BusinessCalendar, at: Date): Date {
  const from = instantMs(at, 'at');
  for (const [start] of workingIntervals(compile(calendar), from, from + MAX_HORIZON_MS)) return new Date(start);
  throw new BusinessTimeError(`no working time within five years of ${at.toISOString()}`);
}

/** Whether `at` is inside working time (interval starts count, ends do not). */
export function isWorking(calendar: BusinessCalendar, at: Date): boolean {
  const from = instantMs(at, 'at');
  // Working at `at` means the working time within its first millisecond is not empty.
  return workingIntervalsWithin(compile(calendar), from, from + 1).length > 0;
}
