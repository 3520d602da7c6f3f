/** The fields of a standard version that decide when it is in force. */
export interface Dated {
  version: number;
  /** ISO instant. */
  effectiveFrom: string;
}

/**
 * The version that judges instant `at`: the highest-numbered version already in effect. Before the first
 * one takes effect the first one judges, since nothing earlier was ever set (targets migrated into version 1
 * and responses imported from before a touchpoint existed keep the verdicts they had). Null only when
 * there are no versions at all.
 */
export function versionInForce<V extends Dated>(versions: readonly V[], at: Date): V | null {
  const instant = at.getTime();
  let inForce: V | null = null;
  let earliest: V | null = null;
  for (const candidate of versions) {
    if (!earliest || candidate.version < earliest.version) earliest = candidate;
    if (Date.parse(candidate.effectiveFrom) <= instant && (!inForce || candidate.version > inForce.version)) inForce = candidate;
  }
  return inForce ?? earliest;
}

/**
 * The instant a verdict over the UTC days up to `to` is judged at: the end of that day, or `now` when the
 * day has not ended yet (a version made later today must not judge the part of the day before it, and one
 * made after the period must not either). Without `to` (all time up to today), `now`.
 */
export function judgedAt(to: string | undefined, now: Date): Date {
  if (to === undefined) return now;
  const endOfDay = new Date(`${to}T23:59:59.999Z`);
  return endOfDay.getTime() < now.getTime() ? endOfDay : now;
}
