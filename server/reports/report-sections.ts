import type { ReportPeriod } from '@shared/reports/report-period';
import type { ReportSections } from '@shared/reports/report.schema';
import { touchpointMetrics } from '../scores/metrics.service';
import { TouchpointModel } from '../touchpoints/touchpoint.model';

/** What every section provider is given: the survey, the touchpoints in scope (all when empty) and the period. */
export interface ReportScope {
  survey: string;
  touchpoints: readonly string[];
  period: ReportPeriod;
}

/**
 * Headline scores (the metrics API's rows for the period, with 95% intervals and targets) and the
 * significant movers against the previous period of the same length (the tests of shared/scoring/
 * significance.ts, α = 0.05). One read of the metrics service serves both.
 */
export async function scoreSections(scope: ReportScope): Promise<Pick<ReportSections, 'headline' | 'movers'>> {
  const metrics = await touchpointMetrics({ survey: scope.survey, from: scope.period.from, to: scope.period.to });
  const inScope = metrics.touchpoints.filter((row) => scope.touchpoints.length === 0 || scope.touchpoints.includes(row.touchpoint));
  const names = new Map((await TouchpointModel.find({ key: { $in: inScope.map((row) => row.touchpoint) } }, { key: 1, name: 1 }).lean()).map((doc) => [doc.key, doc.name]));
  return {
    headline: inScope.map(({ changes: _changes, ...row }) => ({ ...row, name: names.get(row.touchpoint) ?? row.touchpoint })),
    movers: inScope.flatMap((row) => (row.changes ?? []).filter((change) => change.significant).map((change) => ({ ...change, touchpoint: row.touchpoint }))),
  };
}

/**
 * Sections whose features are not on this branch yet (case SLA attainment and FRT/TAT, improvement
 * actions, comment themes): each becomes a provider here when its feature lands; until then the report
 * names them as left out.
 */
export const SECTIONS_WITHOUT_PROVIDER = ['cases', 'actions', 'themes'] as const;

/** Every section of a report for `scope`. */
export async function buildSections(scope: ReportScope): Promise<ReportSections> {
  return { ...(await scoreSections(scope)) };
}
