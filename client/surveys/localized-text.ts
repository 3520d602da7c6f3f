import { localizedText, SURVEY_LOCALE_BY_UI_LOCALE } from '@shared/survey-definition/survey-locale';
import type { LocalizableText, UiLocale } from '@shared/survey-definition/survey-locale';

/** The text a respondent in `locale` would see, or '' when there is none. */
export function readText(text: unknown, locale: UiLocale): string {
  return isLocalizableText(text) ? localizedText(text, locale) : '';
}

/**
 * Replaces the text for one UI locale and keeps every other language.
 * A plain string is one text for all languages; writing Chinese over it keeps it as the English default.
 */
export function writeText(text: unknown, locale: UiLocale, value: string): string | Record<string, string> {
  const key = surveyKeyFor(text, locale);
  if (!isLocalizableText(text) || text === '') return value;
  if (typeof text === 'string') return key === 'default' ? value : { default: text, [key]: value };
  const next: Record<string, string> = { ...text };
  // An empty translation falls back to `default` rather than showing a blank question.
  if (value === '' && key !== 'default') delete next[key];
  else next[key] = value;
  return collapse(next);
}

/** English lives under `default` unless the definition keeps a separate `en` text. */
function surveyKeyFor(text: unknown, locale: UiLocale): string {
  const code = SURVEY_LOCALE_BY_UI_LOCALE[locale];
  if (locale === 'en') return isRecord(text) && typeof text.en === 'string' ? 'en' : 'default';
  return code;
}

function collapse(text: Record<string, string>): string | Record<string, string> {
  const keys = Object.keys(text);
  return keys.length === 1 && keys[0] === 'default' ? (text.default ?? '') : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocalizableText(value: unknown): value is LocalizableText {
  if (typeof value === 'string') return true;
  return isRecord(value) && Object.values(value).every((entry) => typeof entry === 'string');
}
