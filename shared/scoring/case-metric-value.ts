import type { CaseScores } from './case-stats';
import type { CaseMetricKey } from './metric-keys';

/** The value and count of a case metric in case scores (null without data): what targets, trends and alerts read. */
export function caseMetricValue(cases: CaseScores | null, metric: CaseMetricKey): { value: number; n: number } | null {
  if (!cases) return null;
  const rate = (r: { n: number; pct: number } | null) => r && { value: r.pct, n: r.n };
  switch (metric) {
    case 'frt-p90':
      return cases.frt && { value: cases.frt.p90, n: cases.frt.n };
    case 'tat-p90':
      return cases.tat && { value: cases.tat.p90, n: cases.tat.n };
    case 'fcr':
      return rate(cases.fcr);
    case 'sla-attainment':
      return rate(cases.slaAttainment);
    case 'reopen-rate':
      return rate(cases.reopenRate);
    case 'escalation-rate':
      return rate(cases.escalationRate);
    case 'repeat-rate':
      return rate(cases.repeatRate);
    case 'resolution-csat':
      return cases.resolutionCsat && { value: cases.resolutionCsat.mean, n: cases.resolutionCsat.n };
  }
}
