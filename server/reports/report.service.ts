import { durationText, moverNumbers, percentText, scoreTexts, shareText } from '@shared/reports/report-format';
import { addDays } from '@shared/http/date-range.schema';
import { lastClosedPeriod, periodFromKey, type ReportPeriod } from '@shared/reports/report-period';
import { reportSectionsSchema, type ReportDefinition, type ReportDefinitionInput, type ReportSections, type ServiceReport } from '@shared/reports/report.schema';
import type { TemplateLocale } from '@shared/mail/template.schema';
import type { TouchpointScores } from '@shared/scoring/metrics.schema';
import type { AppContext } from '../app-context';
import { Invalid, NotFound } from '../lib/errors';
import { isDuplicateKey } from '../lib/mongo-errors';
import { sendOnce } from '../mail/send-once';
import { renderEmail } from '../mail/templates';
import { SERVER_TEXT } from '../mail/text-defaults';
import { SurveyModel } from '../surveys/survey.model';
import { ReportDefinitionModel, type ReportDefinitionDoc } from './report-definition.model';
import { CaseModel } from '../cases/case.model';
import { TeamModel } from '../cases/team.model';
import { buildSections } from './report-sections';
import { ServiceReportModel, type ServiceReportDoc } from './service-report.model';

function definitionOut(doc: ReportDefinitionDoc & { updatedAt?: Date }): ReportDefinition {
  return {
    id: doc._id.toString(),
    name: doc.name,
    cadence: doc.cadence,
    survey: doc.survey.toString(),
    touchpoints: [...doc.touchpoints],
    team: doc.team ? doc.team.toString() : null,
    recipients: doc.recipients.map((r) => ({ email: r.email, locale: r.locale })),
    active: doc.active,
    createdBy: doc.createdBy,
    updatedAt: (doc.updatedAt ?? new Date()).toISOString(),
  };
}

/**
 * The schema's defaults of the sections that came later (cases, actions, themes): what a report built
 * before they had providers reads back with (it names them in sectionsLeftOut).
 */
const LATER_SECTIONS = reportSectionsSchema.pick({ cases: true, actions: true, themes: true }).parse({});

export function reportOut(doc: ServiceReportDoc): ServiceReport {
  return {
    id: doc._id.toString(),
    definitionId: doc.definitionId.toString(),
    name: doc.name,
    cadence: doc.cadence,
    survey: { id: doc.survey?.id ?? '', title: doc.survey?.title ?? '' },
    period: { key: doc.period?.key ?? '', from: doc.period?.from ?? '', to: doc.period?.to ?? '' },
    builtAt: doc.builtAt.toISOString(),
    sections: { ...LATER_SECTIONS, ...(doc.sections as Partial<ReportSections>) } as ReportSections,
    sectionsLeftOut: doc.sectionsLeftOut as ServiceReport['sectionsLeftOut'],
    sentTo: [...doc.sentTo],
  };
}

async function requireSurvey(id: string): Promise<{ title: string }> {
  const survey = await SurveyModel.findById(id, { title: 1 }).lean();
  if (!survey) throw new Invalid(`There is no survey ${id}.`, [{ name: 'body.survey', reason: 'no such survey' }]);
  return { title: String(survey.title) };
}

/** A named case team must exist (400 naming body.team), never a silently empty report. */
async function requireTeam(id: string | null): Promise<void> {
  if (id && !(await TeamModel.exists({ _id: id }))) throw new Invalid(`There is no case team ${id}.`, [{ name: 'body.team', reason: 'no such case team' }]);
}

export async function createDefinition(input: ReportDefinitionInput, createdBy: string): Promise<ReportDefinition> {
  await Promise.all([requireSurvey(input.survey), requireTeam(input.team)]);
  const doc = await ReportDefinitionModel.create({ ...input, createdBy });
  return definitionOut(doc.toObject() as ReportDefinitionDoc);
}

export async function updateDefinition(id: string, input: ReportDefinitionInput): Promise<ReportDefinition> {
  await Promise.all([requireSurvey(input.survey), requireTeam(input.team)]);
  const doc = await ReportDefinitionModel.findByIdAndUpdate(id, { $set: input }, { new: true }).lean<ReportDefinitionDoc>();
  if (!doc) throw new NotFound(`There is no report definition ${id}.`);
  return definitionOut(doc);
}

export async function deleteDefinition(id: string): Promise<void> {
  const deleted = await ReportDefinitionModel.findByIdAndDelete(id);
  if (!deleted) throw new NotFound(`There is no report definition ${id}.`);
}

export async function listDefinitions(): Promise<ReportDefinition[]> {
  return (await ReportDefinitionModel.find().sort({ name: 1 }).lean<ReportDefinitionDoc[]>()).map(definitionOut);
}

async function findDefinition(id: string): Promise<ReportDefinitionDoc> {
  const doc = await ReportDefinitionModel.findById(id).lean<ReportDefinitionDoc>();
  if (!doc) throw new NotFound(`There is no report definition ${id}.`);
  return doc;
}

/** The period a request names (a key of the definition's cadence), or the last one closed by `now`. */
function periodFor(definition: ReportDefinitionDoc, key: string | undefined, now: Date): ReportPeriod {
  if (key === undefined) return lastClosedPeriod(definition.cadence, now);
  const period = periodFromKey(definition.cadence, key);
  if (!period) throw new Invalid(`${key} is not a ${definition.cadence} period.`, [{ name: 'query.period', reason: `not a ${definition.cadence} period` }]);
  return period;
}

/** Builds a definition's report for a period without storing it (the admin's preview). */
export async function previewReport(definitionId: string, periodKey: string | undefined, now: Date): Promise<ServiceReport> {
  const definition = await findDefinition(definitionId);
  return reportOut(await assemble(definition, periodFor(definition, periodKey, now), now));
}

/**
 * The touchpoints a definition's report covers for `period`: its own list (null: all), narrowed by its
 * case team to the touchpoints of the cases the team received in the period.
 */
async function touchpointsInScope(definition: ReportDefinitionDoc, period: ReportPeriod): Promise<string[] | null> {
  const listed = definition.touchpoints.length > 0 ? [...definition.touchpoints] : null;
  if (!definition.team) return listed;
  const received = { $gte: new Date(`${period.from}T00:00:00Z`), $lt: new Date(`${addDays(period.to, 1)}T00:00:00Z`) };
  const ofTeam = (await CaseModel.distinct('touchpoint', { teamId: definition.team, createdAt: received })) as string[];
  return ofTeam.filter((touchpoint) => listed === null || listed.includes(touchpoint)).sort();
}

async function assemble(definition: ReportDefinitionDoc, period: ReportPeriod, now: Date): Promise<ServiceReportDoc> {
  const survey = await requireSurvey(definition.survey.toString());
  const sections = await buildSections({ survey: definition.survey.toString(), touchpoints: await touchpointsInScope(definition, period), period });
  return new ServiceReportModel({
    definitionId: definition._id,
    name: definition.name,
    cadence: definition.cadence,
    survey: { id: definition.survey.toString(), title: survey.title },
    period,
    sections,
    sectionsLeftOut: [],
    builtAt: now,
  }).toObject() as ServiceReportDoc;
}

/**
 * The definition's report for a period, built and stored the first time it is asked for (unique per
 * definition and period: two workers building at once keep the first and read it back).
 */
export async function buildReportOnce(definitionId: string, periodKey: string | undefined, now: Date): Promise<ServiceReportDoc> {
  const definition = await findDefinition(definitionId);
  const period = periodFor(definition, periodKey, now);
  const existing = await ServiceReportModel.findOne({ definitionId: definition._id, 'period.key': period.key }).lean<ServiceReportDoc>();
  if (existing) return existing;
  try {
    return (await ServiceReportModel.create(await assemble(definition, period, now))).toObject() as ServiceReportDoc;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return (await ServiceReportModel.findOne({ definitionId: definition._id, 'period.key': period.key }).lean<ServiceReportDoc>()) as ServiceReportDoc;
  }
}

/** A touchpoint's key numbers on one line: each metric with its 95% interval. */
function scoresLine(row: Omit<TouchpointScores, 'changes'>): string {
  const { csat, nps, ces } = scoreTexts(row);
  return [csat && `CSAT ${csat}`, nps && `NPS ${nps}`, ces && `CES ${ces}`].filter(Boolean).join(' · ');
}

/** The `service-report` template's variables in a recipient's language. */
export function reportEmailVars(report: ServiceReport, locale: TemplateLocale, publicUrl: string): Record<string, string> {
  const text = SERVER_TEXT[locale].serviceReport;
  const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
  const names = new Map(report.sections.headline.map((row) => [row.touchpoint, row.name]));
  const headline = report.sections.headline.map((row) => fill(text.headline, { name: row.name, n: row.n, scores: scoresLine(row) }));
  const movers = report.sections.movers.map((m) =>
    fill(text.mover, { name: names.get(m.touchpoint) ?? m.touchpoint, metric: m.metric, test: m.test, ...moverNumbers(m) }),
  );
  const cases = report.sections.cases.map((row) =>
    fill(text.cases, { name: row.name, n: row.cases.n, sla: percentText(row.cases.slaAttainment), frt: durationText(row.cases.frt?.p50), tat: durationText(row.cases.tat?.p50) }),
  );
  const themes = report.sections.themes.map((theme) => fill(text.themes, { name: theme.name[locale], n: theme.n, share: shareText(theme.share) }));
  const { due, verdicts } = report.sections.actions;
  const improved = verdicts.filter((action) => action.metrics.some((m) => m.verdict === 'improved')).length;
  return {
    reportName: report.name,
    period: `${report.period.key} (${report.period.from} – ${report.period.to})`,
    headline: headline.length > 0 ? headline.join('\n') : text.noData,
    movers: movers.length > 0 ? movers.join('\n') : text.noMovers,
    cases: cases.length > 0 ? cases.join('\n') : text.none,
    actions: fill(text.actions, { due: due.length, verdicts: verdicts.length, improved }),
    themes: themes.length > 0 ? themes.join('\n') : text.none,
    reportLink: `${publicUrl}/reports/${report.id}`,
  };
}

/**
 * Builds the period's report once and emails each recipient once (send-log key per definition, period
 * and recipient), in the recipient's language. Safe to run twice and from two workers at once.
 */
export async function sendReport(ctx: AppContext, definitionId: string, periodKey: string | undefined, now: Date): Promise<{ reportId: string; sent: number }> {
  const definition = await findDefinition(definitionId);
  const doc = await buildReportOnce(definitionId, periodKey, now);
  const report = reportOut(doc);
  let sent = 0;
  for (const recipient of definition.recipients) {
    const key = `service-report/${definitionId}/${report.period.key}/${recipient.email}`;
    const vars = reportEmailVars(report, recipient.locale, ctx.publicUrl);
    const result = await sendOnce(ctx.mailer, { key, kind: 'service-report', to: recipient.email }, () => renderEmail('service-report', recipient.locale, vars), {
      leaseMs: ctx.config.SEND_LEASE_MS,
    });
    if (result.status === 'sent') sent += 1;
    await ServiceReportModel.updateOne({ _id: doc._id }, { $addToSet: { sentTo: recipient.email } });
  }
  return { reportId: report.id, sent };
}

/** Past reports, newest first (without their sections). */
export async function listReports(definitionId: string | undefined): Promise<Omit<ServiceReport, 'sections'>[]> {
  const docs = await ServiceReportModel.find(definitionId ? { definitionId } : {}, { sections: 0 }).sort({ builtAt: -1 }).limit(200).lean<ServiceReportDoc[]>();
  return docs.map((doc) => {
    const { sections: _sections, ...rest } = reportOut({ ...doc, sections: {} });
    return rest;
  });
}

export async function findReport(id: string): Promise<ServiceReport> {
  const doc = await ServiceReportModel.findById(id).lean<ServiceReportDoc>();
  if (!doc) throw new NotFound(`There is no report ${id}.`);
  return reportOut(doc);
}

/** Ids of the active definitions, for the scheduler's tick. */
export async function activeDefinitionIds(): Promise<string[]> {
  return (await ReportDefinitionModel.find({ active: true }, { _id: 1 }).lean()).map((doc) => doc._id.toString());
}
