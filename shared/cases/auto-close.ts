/**
 * When a resolved case closes by itself: `days` calendar days after its latest resolution, the time the
 * customer has to answer "was this resolved?" with a "no" (which reopens it). Calendar days, not
 * business time: the customer's time to answer runs on weekends too. Pure; the sweep passes its clock.
 */

const DAY_MS = 24 * 3600 * 1000;

type Entry = { at: Date; kind: string; data: Record<string, unknown> };

/** When the case was last resolved: its latest `moved` entry into `resolved`, or null. */
export function lastResolvedAt(timeline: readonly Entry[]): Date | null {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i]!;
    if (e.kind === 'moved' && e.data.to === 'resolved') return e.at;
  }
  return null;
}

/** Whether a case in `status` with this timeline is due to close at `now` (never when `days` is 0). */
export function autoCloseDue(status: string, timeline: readonly Entry[], days: number, now: Date): boolean {
  if (days <= 0 || status !== 'resolved') return false;
  const resolvedAt = lastResolvedAt(timeline);
  return resolvedAt !== null && now.getTime() - resolvedAt.getTime() >= days * DAY_MS;
}
