/** A daily window in local time: `from` inclusive, `to` exclusive; `from > to` spans midnight (22:00–06:00). */
export interface DailyWindow {
  from: string;
  to: string;
  timezone: string;
}

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for names Intl knows (`Europe/Berlin`, `Asia/Shanghai`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Minutes since local midnight at `instant` in `timeZone`, as a wall clock there shows it. */
export function localMinuteOfDay(instant: Date, timeZone: string): number {
  let hour = 0;
  let minute = 0;
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return hour * 60 + minute;
}

function insideMinutes(minute: number, from: number, to: number): boolean {
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

export function isInsideWindow(instant: Date, window: DailyWindow): boolean {
  return insideMinutes(localMinuteOfDay(instant, window.timezone), minutesOf(window.from), minutesOf(window.to));
}

/**
 * The first instant at or after `now` when the local clock in the window's zone is inside the window:
 * `now` itself when it already is. Found by walking whole minutes (every zone's offset is whole
 * minutes), starting up to three hours before the naive answer, so DST is handled by Intl rather than by
 * arithmetic: an opening time skipped by spring-forward opens when the clock jumps past it, and a
 * repeated hour in autumn opens at its first occurrence.
 */
export function nextSendTime(now: Date, window: DailyWindow): Date {
  if (isInsideWindow(now, window)) return now;
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  let t = Math.ceil(now.getTime() / MINUTE) * MINUTE;
  const naiveMinutes = (from - localMinuteOfDay(new Date(t), window.timezone) + 1440) % 1440;
  // Jump ahead only when the opening is not just behind the clock: an autumn hour repeated could bring it back.
  if (naiveMinutes > 180 && naiveMinutes < 1440 - 180) t += (naiveMinutes - 180) * MINUTE;
  // At most a day and a DST shift away; the bound only guards against a broken Intl.
  for (let step = 0; step < 2 * 1440; step++, t += MINUTE) {
    if (insideMinutes(localMinuteOfDay(new Date(t), window.timezone), from, to)) return new Date(t);
  }
  throw new Error(`no opening of window ${window.from}-${window.to} ${window.timezone} within two days`);
}

/** Milliseconds from `now` until the window is open (0 when it is, or when there is no window). */
export function delayUntilWindow(now: Date, window: DailyWindow | null | undefined): number {
  return window ? nextSendTime(now, window).getTime() - now.getTime() : 0;
}
