import type { SurveyDefinition } from './definition.schema';
import { localizedText } from './survey-locale';
import type { UiLocale } from './survey-locale';
import { cesTemplate } from './templates/ces.template';
import { csatTemplate } from './templates/csat.template';
import { followUpTemplate } from './templates/follow-up.template';
import { kanoTemplate } from './templates/kano.template';
import { npsTemplate } from './templates/nps.template';
import { servqualTemplate } from './templates/servqual.template';
import type { SurveyTemplate, TemplateKey } from './templates/survey-template';
import { allQuestions } from './walk-questions';

export { TEMPLATE_KEYS, templateKeySchema } from './templates/survey-template';
export type { SurveyTemplate, TemplateKey } from './templates/survey-template';

export const SURVEY_TEMPLATES: Readonly<Record<TemplateKey, SurveyTemplate>> = {
  servqual: servqualTemplate,
  csat: csatTemplate,
  nps: npsTemplate,
  ces: cesTemplate,
  kano: kanoTemplate,
  'follow-up': followUpTemplate,
};

export interface TemplateSummary {
  key: TemplateKey;
  title: string;
  description: string;
  questionCount: number;
}

/** A fresh copy of a template's survey definition, safe to edit and store as a new draft. */
export function getTemplate(key: TemplateKey): SurveyDefinition {
  return structuredClone(SURVEY_TEMPLATES[key].definition);
}

/** Templates for the builder's gallery, titled in the staff member's language. */
export function listTemplates(locale: UiLocale): TemplateSummary[] {
  return Object.values(SURVEY_TEMPLATES).map((template) => ({
    key: template.key,
    title: localizedText(template.title, locale),
    description: localizedText(template.description, locale),
    questionCount: allQuestions(template.definition).length,
  }));
}
