/** How often a scheduled report covers a period. */
export const REPORT_CADENCES = ['weekly', 'monthly', 'quarterly'] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];

/** One report period: `key` names it (`2026-W47`, `2026-11`, `2026-Q3`); `from`/`to` are UTC days, inclusive. */
export interface ReportPeriod {
  key: string;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The ISO week (`YYYY-Www`) a UTC day belongs to: the week's Thursday decides the year. */
function isoWeekKey(mondayMs: number): string {
  const thursday = new Date(mondayMs + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The last period of `cadence` that has ended by `now` (UTC): the previous ISO week (Monday–Sunday),
 * month or quarter. A pure function of the clock handed in, so schedules are tested without waiting.
 */
export function lastClosedPeriod(cadence: ReportCadence, now: Date): ReportPeriod {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (cadence === 'weekly') {
    const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
    const monday = today - (sinceMonday + 7) * DAY_MS;
    return { key: isoWeekKey(monday), from: day(monday), to: day(monday + 6 * DAY_MS) };
  }
  const months = cadence === 'monthly' ? 1 : 3;
  const year = now.getUTCFullYear();
  // First month of the running period, then step back one period.
  const currentStart = now.getUTCMonth() - (now.getUTCMonth() % months);
  const start = Date.UTC(year, currentStart - months, 1);
  const end = Date.UTC(year, currentStart, 1) - DAY_MS;
  const first = new Date(start);
  const key =
    cadence === 'monthly'
      ? `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}`
      : `${first.getUTCFullYear()}-Q${Math.floor(first.getUTCMonth() / 3) + 1}`;
  return { key, from: day(start), to: day(end) };
}

/**
 * The period a key names, if it is a key of `cadence` (`2026-W47` weekly, `2026-11` monthly, `2026-Q3`
 * quarterly), else null. Checked by naming it again from the day after it ends.
 */
export function periodFromKey(cadence: ReportCadence, key: string): ReportPeriod | null {
  let startMs: number | null = null;
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (cadence === 'weekly' && week) {
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
    startMs = week1Monday + (Number(week[2]) - 1) * 7 * DAY_MS;
    const period = lastClosedPeriod(cadence, new Date(startMs + 7 * DAY_MS));
    return period.key === key ? period : null;
  }
  if (cadence === 'monthly' && month) startMs = Date.UTC(Number(month[1]), Number(month[2]) - 1, 1);
  if (cadence === 'quarterly' && quarter) startMs = Date.UTC(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 1);
  if (startMs === null) return null;
  const nextStart = new Date(startMs);
  nextStart.setUTCMonth(nextStart.getUTCMonth() + (cadence === 'monthly' ? 1 : 3));
  const period = lastClosedPeriod(cadence, nextStart);
  return period.key === key ? period : null;
}
