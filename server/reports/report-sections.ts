import type { ReportPeriod } from '@shared/reports/report-period';
import type { ReportSections } from '@shared/reports/report.schema';
import { ActionModel, type ActionRecord } from '../actions/action.model';
import { touchpointMetrics } from '../scores/metrics.service';
import { topThemes } from '../scores/theme-metrics.service';
import { TouchpointModel } from '../touchpoints/touchpoint.model';

/** What every section provider is given: the survey, the touchpoints in scope (null: all) and the period. */
export interface ReportScope {
  survey: string;
  touchpoints: readonly string[] | null;
  period: ReportPeriod;
}

/**
 * Headline scores (the metrics API's rows for the period, with 95% intervals and targets) and the
 * significant movers against the previous period of the same length (the tests of shared/scoring/
 * significance.ts, α = 0.05). One read of the metrics service serves both.
 */
export async function scoreSections(scope: ReportScope): Promise<Pick<ReportSections, 'headline' | 'movers'>> {
  const metrics = await touchpointMetrics({ survey: scope.survey, from: scope.period.from, to: scope.period.to });
  const inScope = metrics.touchpoints.filter((row) => scope.touchpoints === null || scope.touchpoints.includes(row.touchpoint));
  const names = new Map((await TouchpointModel.find({ key: { $in: inScope.map((row) => row.touchpoint) } }, { key: 1, name: 1 }).lean()).map((doc) => [doc.key, doc.name]));
  return {
    headline: inScope.map(({ changes: _changes, ...row }) => ({ ...row, name: names.get(row.touchpoint) ?? row.touchpoint })),
    movers: inScope.flatMap((row) => (row.changes ?? []).filter((change) => change.significant).map((change) => ({ ...change, touchpoint: row.touchpoint }))),
  };
}

/** Case handling per touchpoint with cases in the period: the metrics API's case figures, as the headline carries them. */
export function caseSection(headline: ReportSections['headline']): ReportSections['cases'] {
  return headline.flatMap((row) => (row.cases && row.cases.n > 0 ? [{ touchpoint: row.touchpoint, name: row.name, cases: row.cases }] : []));
}

/**
 * Improvement actions of the touchpoints in scope: plans due in the period, or due before it and still
 * planned or in progress; and the checks that ran in the period, with every metric's verdict and test.
 */
export async function actionSection(touchpoints: readonly string[] | null, period: ReportPeriod): Promise<ReportSections['actions']> {
  const scope = touchpoints === null ? {} : { touchpoint: { $in: [...touchpoints] } };
  const [due, checked] = await Promise.all([
    ActionModel.find({ ...scope, $or: [{ 'plan.dueOn': { $gte: period.from, $lte: period.to } }, { 'plan.dueOn': { $lt: period.from }, phase: { $in: ['plan', 'do'] } }] }, { history: 0 })
      .sort({ 'plan.dueOn': 1 })
      .limit(200)
      .lean<ActionRecord[]>(),
    // `ranAt` is an ISO instant: the period's days are a string range on it.
    ActionModel.find({ ...scope, 'check.ranAt': { $gte: period.from, $lte: `${period.to}T23:59:59.999Z` } }, { history: 0 }).lean<ActionRecord[]>(),
  ]);
  const brief = (doc: ActionRecord) => ({ id: doc._id.toString(), title: doc.title, touchpoint: doc.touchpoint, owner: doc.plan.owner, dueOn: doc.plan.dueOn, phase: doc.phase });
  return {
    due: due.map(brief),
    verdicts: checked.flatMap((doc) => (doc.check ? [{ ...brief(doc), ranAt: doc.check.ranAt, metrics: doc.check.metrics }] : [])),
  };
}

/** How many themes a report names, each with two example comments. */
const REPORT_THEMES = 5;

/** Every section of a report for `scope`. */
export async function buildSections(scope: ReportScope): Promise<ReportSections> {
  const scores = await scoreSections(scope);
  const touchpoints = scope.touchpoints ?? scores.headline.map((row) => row.touchpoint);
  const [actions, themes] = await Promise.all([
    actionSection(scope.touchpoints, scope.period),
    touchpoints.length > 0 ? topThemes({ touchpoints, from: scope.period.from, to: scope.period.to, limit: REPORT_THEMES }) : [],
  ]);
  return { ...scores, cases: caseSection(scores.headline), actions, themes };
}
