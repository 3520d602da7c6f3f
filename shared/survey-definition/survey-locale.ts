// No zod here: the respondent page reads these before it loads any schema.

/** The one list of Touchpoint's locales: UI, survey text, email templates, contacts and staff mail all use it. */
export const UI_LOCALES = ['en', 'zh-CN'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/**
 * survey-core 3 registers Simplified Chinese as `zh-cn` (survey-core/i18n/simplified-chinese) and treats
 * English as its default locale, whose text lives under the `default` key of a localizable string.
 */
export const SURVEY_LOCALE_BY_UI_LOCALE = { en: 'en', 'zh-CN': 'zh-cn' } as const satisfies Record<UiLocale, string>;
export type SurveyLocale = (typeof SURVEY_LOCALE_BY_UI_LOCALE)[UiLocale];

/** A SurveyJS localizable string: plain text, or text per locale with `default` as the fallback. */
export type LocalizableText = string | { default: string; [surveyLocale: string]: string };

/** Text for both supported languages, written as SurveyJS JSON (`{ default, "zh-cn" }`). */
export function bilingual(english: string, simplifiedChinese: string): { default: string; 'zh-cn': string } {
  return { default: english, 'zh-cn': simplifiedChinese };
}

/** Resolves a localizable string for a UI locale the way SurveyJS does: exact locale, then `default`. */
export function localizedText(text: LocalizableText | undefined, locale: UiLocale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[SURVEY_LOCALE_BY_UI_LOCALE[locale]] ?? text.default;
}
