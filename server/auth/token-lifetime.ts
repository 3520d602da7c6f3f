const DAY_MS = 86_400_000;

/** How often a token's last-used time is written at most: often enough to spot an unused token. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * When a new API token expires: after the requested days, or the maximum lifetime when none is asked
 * for. Null when the request exceeds the maximum (the caller answers 400).
 */
export function apiTokenExpiry(now: Date, requestedDays: number | undefined, maxDays: number): Date | null {
  const days = requestedDays ?? maxDays;
  if (days > maxDays) return null;
  return new Date(now.getTime() + days * DAY_MS);
}

/**
 * Whether a use of a token at `now` should be written as its last use: only when the stored time is
 * missing or at least LAST_USED_RESOLUTION_MS old, so a busy token costs one write a minute, not one
 * per request. Also the write's own condition (`lastUsedBefore`), so racing processes write once.
 */
export function lastUsedWriteDue(lastUsedAt: Date | null | undefined, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;
}

/** The newest stored last-used time that still lets a use at `now` be written. */
export function lastUsedBefore(now: Date): Date {
  return new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
}
