import { UI_LOCALES } from '@shared/survey-definition/survey-locale';
import type { UiLocale } from '@shared/survey-definition/survey-locale';

/** Locales the UI ships catalogs for; shared/ owns the list so surveys and UI agree. */
export const LOCALES = UI_LOCALES;
export type Locale = UiLocale;

export const DEFAULT_LOCALE: Locale = 'en';

/** localStorage key shared by the staff app and the respondent page (same origin). */
export const LOCALE_STORAGE_KEY = 'touchpoint.locale';

/** Native names, shown untranslated so a reader can always find their own language. */
export const LOCALE_NATIVE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag from the browser onto a supported locale, or null when none fits. */
export function localeFromLanguageTag(tag: string | undefined): Locale | null {
  const lower = tag?.trim().toLowerCase() ?? '';
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/** An explicit choice wins over the browser language; anything unknown falls back to English. */
export function resolveLocale(stored: string | null | undefined, browserLanguage: string | undefined): Locale {
  if (isLocale(stored)) return stored;
  return localeFromLanguageTag(browserLanguage) ?? DEFAULT_LOCALE;
}

/** Reads the initial locale in a browser; tolerant of blocked storage (private mode, sandboxed frames). */
export function detectLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage can throw when disabled; the browser language is a fine fallback.
  }
  return resolveLocale(stored, typeof navigator === 'undefined' ? undefined : navigator.language);
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembering the choice is acceptable; the switch still works for this page.
  }
}

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing silently. */
export function formatMessage(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Placeholder names used in a message, for catalog parity checks. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
