import { useId } from 'react';
import { useLocale, useT } from './i18n-context';
import { isLocale, LOCALE_NATIVE_NAMES, LOCALES, type Locale } from './locale';

interface LocaleSelectProps {
  label: string;
  locale: Locale;
  onChange: (locale: Locale) => void;
}

/**
 * Labelled language switch; each option is marked with its own language for screen readers. Takes its
 * words and state as props, so public pages with their own small catalogue use it too.
 */
export function LocaleSelect({ label, locale, onChange }: LocaleSelectProps) {
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) onChange(event.target.value);
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

/** The staff app's language switch. */
export function LanguageSelect() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return <LocaleSelect label={t('header.language')} locale={locale} onChange={setLocale} />;
}
