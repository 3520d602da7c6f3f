/** How long a kiosk waits, from the settings staff gave the device (seconds), in milliseconds. */
export interface KioskTimings {
  thankYouMs: number;
  idleMs: number;
}

export function kioskTimings(settings: { thankYouSeconds: number; idleSeconds: number }): KioskTimings {
  return { thankYouMs: settings.thankYouSeconds * 1000, idleMs: settings.idleSeconds * 1000 };
}

/** The soonest the idle check runs again, so a reset is never more than this late. */
const MAX_CHECK_MS = 1_000;

/**
 * Whether a half-filled survey has been left alone long enough to clear it for the next customer, and
 * otherwise when to look again. An untouched survey (no activity since it was shown) is never "idle":
 * there is nothing of anyone's to clear.
 */
export function idleCheck(now: number, lastActivityAt: number | null, idleMs: number): { reset: boolean; nextCheckMs: number } {
  if (lastActivityAt === null) return { reset: false, nextCheckMs: MAX_CHECK_MS };
  const left = lastActivityAt + idleMs - now;
  if (left <= 0) return { reset: true, nextCheckMs: MAX_CHECK_MS };
  return { reset: false, nextCheckMs: Math.min(MAX_CHECK_MS, left) };
}
