/**
 * UTC offsets of IANA zones from the runtime's Intl alone (no timezone library is installed).
 *
 * Intl only answers "what does the wall clock show at this instant?", so a zone's offset transitions are
 * found once per zone and UTC year (sampled every few hours, then bisected to the second) and cached;
 * afterwards an offset is a table lookup. The cache is memoisation of a pure function: the answers never
 * depend on when or how often it is called.
 */

const SECOND = 1000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Two offset transitions closer than this would be missed by the sampling. No zone in tzdata has had
 * two transitions within 6 hours since standard time was adopted; a miss would need one in and one out.
 */
const SAMPLE_STEP = 6 * HOUR;

/** Instants this helper answers for: Intl's year field and Date.UTC behave plainly in this range. */
export const SUPPORTED_FROM = Date.UTC(1900, 0, 1);
export const SUPPORTED_UNTIL = Date.UTC(2300, 0, 1);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall clock minus UTC at `instantMs`, in ms, asked of Intl directly (uncached; whole seconds). */
export function intlOffsetMs(timeZone: string, instantMs: number): number {
  const whole = Math.floor(instantMs / SECOND) * SECOND;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(whole))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return Date.UTC(year, month - 1, day, hour, minute, second) - whole;
}

interface Transition {
  at: number;
  offset: number;
}

interface YearOffsets {
  startOffset: number;
  transitions: Transition[];
}

const yearCache = new Map<string, YearOffsets>();

/** The first whole second in (lo, hi] whose offset differs from `before` (one exists: offset(hi) differs). */
function bisectTransition(timeZone: string, lo: number, hi: number, before: number): number {
  while (hi - lo > SECOND) {
    const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
    if (intlOffsetMs(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function offsetsOfYear(timeZone: string, year: number): YearOffsets {
  const key = `${timeZone}|${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  const start = Date.UTC(year, 0, 1);
  // The last second of the year: a transition exactly at the next 1 January belongs to the next year.
  const last = Date.UTC(year + 1, 0, 1) - SECOND;
  const startOffset = intlOffsetMs(timeZone, start);
  const transitions: Transition[] = [];
  let previousAt = start;
  let previousOffset = startOffset;
  while (previousAt < last) {
    const at = Math.min(previousAt + SAMPLE_STEP, last);
    const offset = intlOffsetMs(timeZone, at);
    if (offset !== previousOffset) {
      const transitionAt = bisectTransition(timeZone, previousAt, at, previousOffset);
      transitions.push({ at: transitionAt, offset: intlOffsetMs(timeZone, transitionAt) });
    }
    previousAt = at;
    previousOffset = offset;
  }
  const offsets = { startOffset, transitions };
  yearCache.set(key, offsets);
  return offsets;
}

function assertSupported(instantMs: number): void {
  if (!(instantMs >= SUPPORTED_FROM && instantMs < SUPPORTED_UNTIL)) {
    throw new RangeError(`instant ${instantMs} is outside the supported years 1900-2299`);
  }
}

/** Wall clock minus UTC in `timeZone` at `instantMs` (ms; +8 h for Asia/Shanghai). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  assertSupported(instantMs);
  const { startOffset, transitions } = offsetsOfYear(timeZone, new Date(instantMs).getUTCFullYear());
  let offset = startOffset;
  for (const transition of transitions) {
    if (transition.at > instantMs) break;
    offset = transition.offset;
  }
  return offset;
}

/** A stretch of real time [start, end) over which the zone's offset stays the same. */
export interface OffsetSegment {
  start: number;
  end: number;
  offset: number;
}

/** The constant-offset stretches covering [fromMs, toMs), in order. */
export function offsetSegments(timeZone: string, fromMs: number, toMs: number): OffsetSegment[] {
  assertSupported(fromMs);
  assertSupported(Math.max(fromMs, toMs - 1));
  const segments: OffsetSegment[] = [];
  let start = fromMs;
  let offset = zoneOffsetMs(timeZone, fromMs);
  const lastYear = new Date(toMs - 1).getUTCFullYear();
  for (let year = new Date(fromMs).getUTCFullYear(); year <= lastYear; year++) {
    const { startOffset, transitions } = offsetsOfYear(timeZone, year);
    const changes = [{ at: Date.UTC(year, 0, 1), offset: startOffset }, ...transitions];
    for (const change of changes) {
      if (change.at <= fromMs || change.at >= toMs || change.offset === offset) continue;
      segments.push({ start, end: change.at, offset });
      start = change.at;
      offset = change.offset;
    }
  }
  if (start < toMs) segments.push({ start, end: toMs, offset });
  return segments;
}

/** The wall clock in `timeZone` at `instantMs`, as ms since 1970-01-01T00:00 of that wall clock. */
export function wallClockMs(timeZone: string, instantMs: number): number {
  return instantMs + zoneOffsetMs(timeZone, instantMs);
}
