/**
 * The report-definition form as typed and its conversion to the API body. The shared schema does the
 * checking (before sending, with the same messages the server would give); this only gathers fields.
 */
import type { InvalidParam } from '@shared/http/problem.schema';
import type { ReportCadence } from '@shared/reports/report-period';
import { reportDefinitionInputSchema, type ReportDefinition, type ReportDefinitionInput } from '@shared/reports/report.schema';
import type { UiLocale } from '@shared/survey-definition/survey-locale';
import { issuesAsParams } from '../lib/field-errors';

export interface RecipientFields {
  email: string;
  locale: UiLocale;
}

export interface DefinitionFields {
  name: string;
  cadence: ReportCadence;
  survey: string;
  /** None ticked: every touchpoint of the survey. */
  touchpoints: string[];
  /** '' for no team. */
  team: string;
  recipients: RecipientFields[];
  active: boolean;
}

export const DEFINITION_FIELDS = ['name', 'cadence', 'survey', 'touchpoints', 'team', 'recipients', 'active'] as const;
export type DefinitionField = (typeof DEFINITION_FIELDS)[number];

/** A new definition: monthly, on the first survey, one recipient line (the admin's own address) in their language. */
export function emptyDefinitionFields(survey: string, recipient: RecipientFields): DefinitionFields {
  return { name: '', cadence: 'monthly', survey, touchpoints: [], team: '', recipients: [recipient], active: true };
}

export function definitionFieldsFrom(definition: ReportDefinition): DefinitionFields {
  return {
    name: definition.name,
    cadence: definition.cadence,
    survey: definition.survey,
    touchpoints: [...definition.touchpoints],
    team: definition.team ?? '',
    recipients: definition.recipients.map((r) => ({ ...r })),
    active: definition.active,
  };
}

/** Blank recipient lines are dropped (an added line left empty is not a mistake); the rest goes to the schema. */
export function definitionInputFrom(fields: DefinitionFields): { ok: true; input: ReportDefinitionInput } | { ok: false; params: InvalidParam[] } {
  const body = {
    name: fields.name,
    cadence: fields.cadence,
    survey: fields.survey,
    touchpoints: fields.touchpoints,
    team: fields.team || null,
    recipients: fields.recipients.map((r) => ({ email: r.email.trim(), locale: r.locale })).filter((r) => r.email !== ''),
    active: fields.active,
  };
  const parsed = reportDefinitionInputSchema.safeParse(body);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, params: issuesAsParams(parsed.error) };
}
