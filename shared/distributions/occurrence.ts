import type { Schedule, SendWindow } from './distribution.schema';

/** BullMQ cron patterns for the named intervals: 09:00 on the 1st of each month / quarter. */
export const EVERY_PATTERNS = { monthly: '0 9 1 * *', quarterly: '0 9 1 1,4,7,10 *' } as const;

type RecurringSchedule = Extract<Schedule, { type: 'recurring' }>;

/** The cron pattern a recurring schedule runs on. */
export function cronPatternOf(schedule: RecurringSchedule): string {
  return schedule.every ? EVERY_PATTERNS[schedule.every] : schedule.cron!;
}

function localYearMonth(instant: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value('year'), month: value('month') };
}

/**
 * A stable name for one firing of a schedule, so a re-run of the same firing is recognised:
 * `once`; `2025-06` / `2025-Q3` (in the schedule's zone) for monthly / quarterly; otherwise the
 * scheduled UTC time to the second, `20250601T090000Z`. Safe in job ids and send-log keys (no ':').
 */
export function occurrenceOf(schedule: Schedule, scheduledAt: Date, timeZone: string): string {
  if (schedule.type === 'once') return 'once';
  if (schedule.every) {
    const { year, month } = localYearMonth(scheduledAt, timeZone);
    return schedule.every === 'monthly' ? `${year}-${String(month).padStart(2, '0')}` : `${year}-Q${Math.ceil(month / 3)}`;
  }
  return scheduledAt.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** The zone a recurring pattern is read in: its own, else the send window's, else UTC. */
export function scheduleTimeZone(d: { schedule: Schedule; sendWindow?: SendWindow | null }): string {
  return (d.schedule.type === 'recurring' ? d.schedule.timezone : undefined) ?? d.sendWindow?.timezone ?? 'UTC';
}
