import { addDays, dayOf } from '../http/date-range.schema';

/** Default length of the baseline and check windows, in days. */
export const DEFAULT_WINDOW_DAYS = 30;

export interface DayRange {
  from: string;
  to: string;
}

export interface ActionWindows {
  /** The days before the change started. */
  baseline: DayRange;
  /** The days after the change was completed (the completion day itself is left out: it mixes both). */
  check: DayRange;
  /** The first UTC day on which the check window is whole, so the check may run. */
  closesOn: string;
}

/**
 * The baseline and check windows of an action that started on `startedOn` and was completed on
 * `completedOn` (UTC days): baseline = the `baselineDays` days before the start, check = the
 * `checkDays` days after completion. Days in the do phase count in neither.
 */
export function actionWindows(startedOn: string, completedOn: string, baselineDays: number, checkDays: number): ActionWindows {
  const check = { from: addDays(completedOn, 1), to: addDays(completedOn, checkDays) };
  return { baseline: { from: addDays(startedOn, -baselineDays), to: addDays(startedOn, -1) }, check, closesOn: addDays(check.to, 1) };
}

/** Whether the check window has closed at `now` (its last day is over in UTC). */
export function checkWindowClosed(windows: ActionWindows, now: Date): boolean {
  return dayOf(now) >= windows.closesOn;
}
