import { useId } from 'react';
import type { Locale } from '../i18n/locale';
import { useT } from '../i18n/i18n-context';
import { readText, writeText } from './localized-text';
import type { Draft } from './use-survey-draft';

/** The survey's name for staff and the title respondents see (in the current UI language). */
export function SurveyTitleFields({ draft, locale, onChange }: { draft: Draft; locale: Locale; onChange: (change: (d: Draft) => Draft) => void }) {
  const t = useT();
  const id = useId();
  const nameMissing = draft.title.trim() === '';
  return (
    <fieldset className="panel survey-fields">
      <legend>{t('builder.settings.heading')}</legend>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('builder.settings.name')}</label>
        <input
          id={`${id}-name`}
          value={draft.title}
          maxLength={200}
          aria-invalid={nameMissing || undefined}
          aria-describedby={nameMissing ? `${id}-name-error` : undefined}
          onChange={(event) => {
            const title = event.target.value;
            onChange((current) => ({ ...current, title }));
          }}
        />
        {nameMissing && (
          <p id={`${id}-name-error`} className="field-error">
            {t('builder.create.nameRequired')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('builder.settings.respondentTitle', { language: t(`builder.language.${locale}`) })}</label>
        <input
          id={`${id}-title`}
          value={readText(draft.definition.title, locale)}
          onChange={(event) => {
            const text = event.target.value;
            onChange((current) => ({ ...current, definition: { ...current.definition, title: writeText(current.definition.title, locale, text) } }));
          }}
        />
      </div>
    </fieldset>
  );
}
