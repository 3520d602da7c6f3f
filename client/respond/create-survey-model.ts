import { DefaultTheme, Model } from 'survey-core';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { SURVEY_LOCALE_BY_UI_LOCALE } from '@shared/survey-definition/survey-locale';
import { registerTouchpointProperties } from '@shared/survey-definition/survey-properties';
import type { Locale } from '../i18n/locale';
import { loadHtmlSanitiser, type HtmlSanitiser } from './survey-html-sanitiser';

/**
 * Adjustments to SurveyJS's default theme. It names "Open Sans", which the fontless stylesheet no
 * longer downloads, so use the page's system font stack; and its green brand colour gives white
 * button text only about 2.6:1 contrast, so use Touchpoint's blue (6.5:1).
 */
const TOUCHPOINT_THEME = {
  cssVariables: {
    '--sjs2-typography-font-family-text': 'var(--font-sans)',
    '--sjs2-color-project-brand-600': 'var(--color-primary)',
  },
};

/** SurveyJS strings for non-English locales live in separate modules; load only the one needed. */
async function loadSurveyJsStrings(locale: Locale): Promise<void> {
  if (locale === 'zh-CN') await import('survey-core/i18n/simplified-chinese');
}

/**
 * A SurveyJS model whose HTML comes out sanitised. Every HTML string SurveyJS renders (html questions,
 * completedHtml and the other *Html texts) leaves through processHtml after the {placeholders} are
 * filled in with answers, so overriding it covers the answers too (the onProcessHtml event runs before
 * they are filled in). Markdown output (onTextMarkdown) is sanitised the same way, should a handler
 * ever be added. One model class for the respondent page and the builder preview alike.
 */
function sanitisingModel(sanitise: HtmlSanitiser) {
  return class SanitisedModel extends Model {
    override processHtml(html: string, reason?: string): string {
      return sanitise(super.processHtml(html, reason));
    }
    override getSurveyMarkdownHtml(...args: Parameters<Model['getSurveyMarkdownHtml']>): string {
      const html: unknown = super.getSurveyMarkdownHtml(...args);
      return typeof html === 'string' ? sanitise(html) : (html as string);
    }
  };
}

/** Builds the SurveyJS model for a definition, in the respondent's language unless the survey fixes one. */
export async function createSurveyModel(definition: SurveyDefinition, locale: Locale): Promise<Model> {
  const [sanitise] = await Promise.all([
    loadHtmlSanitiser(definition),
    loadSurveyJsStrings(locale).catch((error: unknown) => console.warn('SurveyJS strings not loaded', error)),
  ]);
  // Touchpoint's question properties (metric, dimension, ...) must be known before the JSON is read.
  registerTouchpointProperties();
  const model = new (sanitisingModel(sanitise))(definition);
  model.applyTheme(TOUCHPOINT_THEME, DefaultTheme);
  // The "powered by" banner loads its logo from surveyjs.io; a definition must not be able to turn it on.
  model.showBrandInfo = false;
  if (typeof definition.locale !== 'string' || definition.locale === '') model.locale = SURVEY_LOCALE_BY_UI_LOCALE[locale];
  return model;
}
