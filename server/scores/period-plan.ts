/** UTC calendar helpers on `YYYY-MM-DD` / `YYYY-MM` strings (which compare in date order). */
import { addDays, dayOf, daysInclusive } from '@shared/http/date-range.schema';

export { addDays, dayOf };

/** Earliest day "all time" reaches back to; rollups are keyed by UTC day, so any earlier data would be from a wrong clock. */
export const EPOCH_DAY = '2000-01-01';

/** A rollup document as the readers fetch it (response and case rollups alike). */
export interface RollupRow {
  touchpoint: string;
  period: string;
  stats: unknown;
  /** −1 for a day read only to be taken out of its month again (see periodReads). */
  sign?: 1 | -1;
}
/** The fields a reader fetches of a rollup document. */
export const ROLLUP_ROW_PROJECTION = { _id: 0, touchpoint: 1, period: 1, stats: 1 };
export const daysBetween = (from: string, to: string) => daysInclusive(from, to) - 1;

function addMonths(month: string, months: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const lastDayOf = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);

/** Which rollups cover [from, to]: whole months from the month rollups, the ragged ends from day rollups. */
export interface PeriodPlan {
  /** Inclusive bounds on month periods; an empty object means every month; null means none. */
  months: { $gte?: string; $lte?: string } | null;
  /** Inclusive day ranges read from day rollups. */
  days: { $gte: string; $lte: string }[];
}

export function planPeriods(from: string | undefined, to: string | undefined): PeriodPlan {
  const firstFull = from === undefined ? undefined : from.endsWith('-01') ? from.slice(0, 7) : addMonths(from.slice(0, 7), 1);
  const lastFull = to === undefined ? undefined : to === lastDayOf(to.slice(0, 7)) ? to.slice(0, 7) : addMonths(to.slice(0, 7), -1);
  if (firstFull !== undefined && lastFull !== undefined && firstFull > lastFull) {
    // No whole month inside: at most two ragged months, read by day.
    return { months: null, days: [{ $gte: from as string, $lte: to as string }] };
  }
  const months: { $gte?: string; $lte?: string } = {};
  if (firstFull !== undefined) months.$gte = firstFull;
  if (lastFull !== undefined) months.$lte = lastFull;
  const days: PeriodPlan['days'] = [];
  if (from !== undefined && firstFull !== from.slice(0, 7)) days.push({ $gte: from, $lte: lastDayOf(from.slice(0, 7)) });
  if (to !== undefined && lastFull !== to.slice(0, 7)) days.push({ $gte: `${to.slice(0, 7)}-01`, $lte: to });
  return { months, days };
}

/** Every month `YYYY-MM` from `from` to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) out.push(month);
  return out;
}

/** Every day `YYYY-MM-DD` from `from` to `to` inclusive. */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** What to read for [from, to]: month rollups, day rollups to add, and day rollups to take away again. */
export interface PeriodReads {
  months: string[];
  addDays: string[];
  subtractDays: string[];
}

/**
 * planPeriods as explicit lists, reading fewer documents: a ragged end covering most of its month is
 * read as the whole month minus the days outside the range (counters are integers, so subtracting is
 * exact). A year costs at most about 13 months and 30 days per series instead of 11 months and 60 days.
 */
export function periodReads(from: string, to: string): PeriodReads {
  const plan = planPeriods(from, to);
  const reads: PeriodReads = { months: plan.months ? monthsBetween(plan.months.$gte as string, plan.months.$lte as string) : [], addDays: [], subtractDays: [] };
  for (const range of plan.days) {
    const month = range.$gte.slice(0, 7);
    const inside = daysFrom(range.$gte, range.$lte);
    const whole = daysFrom(`${month}-01`, lastDayOf(month));
    if (range.$lte.slice(0, 7) === month && inside.length * 2 > whole.length) {
      reads.months.push(month);
      reads.subtractDays.push(...whole.filter((day) => day < range.$gte || day > range.$lte));
    } else {
      reads.addDays.push(...inside);
    }
  }
  reads.months.sort();
  return reads;
}
