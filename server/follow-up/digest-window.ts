/** One owner-digest window: matches processed in [start, end) go out together at `end`. */
export interface DigestWindow {
  start: Date;
  end: Date;
}

/**
 * The digest window `now` falls in. Windows are aligned to the epoch, so every worker computes the same
 * one for the same moment without asking anyone (the window start names the digest job and email).
 */
export function digestWindowOf(now: Date, windowMs: number): DigestWindow {
  if (!Number.isInteger(windowMs) || windowMs <= 0) throw new RangeError(`digest window must be a positive integer of ms, not ${windowMs}`);
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return { start: new Date(start), end: new Date(start + windowMs) };
}
