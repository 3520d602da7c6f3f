import { z } from 'zod';

/**
 * Bounds on every date a client may send. Period lists (trend points, rollup reads) are built from
 * these ranges, so an unbounded range is an unbounded loop: `0001-01-01..9999-12-31` by day once held
 * the event loop for minutes and then ran out of memory. Checked at the edge, before any list exists.
 */
export const PLAUSIBLE_DAYS = { min: '2000-01-01', max: '2099-12-31' } as const;

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` inside PLAUSIBLE_DAYS (such strings compare in date order). */
export const plausibleDaySchema = z.iso
  .date()
  .refine((day) => day >= PLAUSIBLE_DAYS.min && day <= PLAUSIBLE_DAYS.max, { message: `must be between ${PLAUSIBLE_DAYS.min} and ${PLAUSIBLE_DAYS.max}` });

/** An ISO date or date-time inside PLAUSIBLE_DAYS, as a Date. */
export const plausibleDateParamSchema = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((value) => new Date(value))
  .refine((date) => dayOf(date) >= PLAUSIBLE_DAYS.min && dayOf(date) <= PLAUSIBLE_DAYS.max, { message: `must be between ${PLAUSIBLE_DAYS.min} and ${PLAUSIBLE_DAYS.max}` });

/** The UTC day of a Date, `YYYY-MM-DD`. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);
export const addDays = (day: string, days: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
/** Days from `from` to `to`, both included. */
export const daysInclusive = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
