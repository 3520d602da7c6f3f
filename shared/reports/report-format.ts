/**
 * A duration in seconds in the largest sensible unit (45 s, 12 min, 3.5 h, 2.1 d): case FRT and TAT
 * as the report email and the report page write them.
 */
export function humanDuration(seconds: number): string {
  if (seconds < 90) return `${seconds.toFixed(1)} s`;
  if (seconds < 90 * 60) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}
