import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { staffCatalogs } from './catalogs';
import { I18nContext } from './i18n-context';
import type { I18nValue, Translate } from './i18n-context';
import { detectLocale, formatMessage, rememberLocale } from './locale';
import type { Locale } from './locale';

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? detectLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const messages = staffCatalogs[locale];
    const t: Translate = (key, params) => formatMessage(messages[key], params);
    return { locale, setLocale, t };
  }, [locale, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}
