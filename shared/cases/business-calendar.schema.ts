import { z } from 'zod';
import { timeZoneSchema } from '../distributions/distribution.schema';

/** Weekdays in JavaScript's order (`getUTCDay()`: 0 = Sunday), so a day index maps straight onto them. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

// Unlike a send window's HH:MM, an end may be 24:00 so a shift can run to midnight without wrapping.
const startClockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24 h)');
const endClockSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time of day as HH:MM (24 h), or 24:00');

/** Minutes since midnight of an HH:MM clock the schemas above accepted. */
export function clockMinutes(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Working hours starting on a weekday, wall clock in the calendar's zone. `to` at or before `from`
 * (22:00–06:00) is an overnight shift ending the next day; 24:00 ends at midnight.
 */
export const workingIntervalSchema = z
  .object({ from: startClockSchema, to: endClockSchema })
  .strict()
  .refine((i) => clockMinutes(i.from) !== clockMinutes(i.to), { message: 'an interval must not be empty (use 00:00-24:00 for a whole day)', path: ['to'] });
export type WorkingInterval = z.infer<typeof workingIntervalSchema>;

const dayIntervalsSchema = z.array(workingIntervalSchema).max(8);

/**
 * A date off in the calendar's zone: the whole date, or only `from`–`to` of it. A holiday removes that
 * wall-clock time whatever shift it belongs to, so the night before a holiday ends at its midnight.
 */
export const holidaySchema = z
  .object({
    // The years zone-offset.ts answers for.
    date: z.iso.date().refine((date) => date >= '1900' && date < '2300', 'must be in the years 1900-2299'),
    from: startClockSchema.optional(),
    to: endClockSchema.optional(),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((h) => (h.from === undefined) === (h.to === undefined), { message: 'give both from and to, or neither for a whole day', path: ['to'] })
  .refine((h) => h.from === undefined || h.to === undefined || clockMinutes(h.from) < clockMinutes(h.to), {
    message: 'a partial holiday ends after it starts, on the same date',
    path: ['to'],
  });
export type Holiday = z.infer<typeof holidaySchema>;

/** A team's business calendar: weekly working hours and holidays, read on the wall clock of `timeZone`. */
export const businessCalendarSchema = z
  .object({
    timeZone: timeZoneSchema,
    weeklyHours: z
      .object(Object.fromEntries(WEEKDAYS.map((day) => [day, dayIntervalsSchema.optional()])) as Record<Weekday, z.ZodOptional<typeof dayIntervalsSchema>>)
      .strict(),
    holidays: z.array(holidaySchema).max(2000).default([]),
  })
  .strict()
  .refine((c) => WEEKDAYS.some((day) => (c.weeklyHours[day]?.length ?? 0) > 0), {
    message: 'a calendar needs working hours on at least one weekday',
    path: ['weeklyHours'],
  });
export type BusinessCalendarInput = z.input<typeof businessCalendarSchema>;
export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;

/** Every hour of every day in `timeZone`: business time equals real time. */
export function roundTheClockCalendar(timeZone = 'UTC'): BusinessCalendar {
  const allDay = [{ from: '00:00', to: '24:00' }];
  return businessCalendarSchema.parse({ timeZone, weeklyHours: Object.fromEntries(WEEKDAYS.map((day) => [day, allDay])) });
}
