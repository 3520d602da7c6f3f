import { useId } from 'react';
import { useLocale, useT } from './i18n-context';
import { isLocale, LOCALE_NATIVE_NAMES, LOCALES } from './locale';

/** Labelled language switch; each option is marked with its own language for screen readers. */
export function LanguageSelect() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('header.language')}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NATIVE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
