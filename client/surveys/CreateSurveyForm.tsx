import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { TemplateKey } from '@shared/surveys/survey-api.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { api, ApiError } from '../lib/api-client';
import { navigate } from '../lib/navigation';
import { useLoad } from '../lib/use-load';
import { surveyBuilderApi } from './survey-builder-api';

const BLANK = 'blank';

/** Name a new survey and start it blank or from one of the metric templates. */
export function CreateSurveyForm() {
  const t = useT();
  const { locale } = useLocale();
  const nameId = useId();
  const templates = useLoad(`templates ${locale}`, () => surveyBuilderApi(api).templates(locale)).state;
  const [title, setTitle] = useState('');
  const [start, setStart] = useState<TemplateKey | typeof BLANK>(BLANK);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setError(t('builder.create.nameRequired'));
      return;
    }
    setCreating(true);
    setError(null);
    try {
      const input = start === BLANK ? { title: title.trim() } : { title: title.trim(), template: start };
      const created = await surveyBuilderApi(api).create(input);
      navigate(`/surveys/${created.id}`);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.isNetworkError ? t('error.network') : t('builder.create.failed'));
      setCreating(false);
    }
  };

  return (
    <form className="panel create-survey" onSubmit={(event) => void submit(event)} aria-labelledby={`${nameId}-heading`} noValidate>
      <h2 id={`${nameId}-heading`}>{t('builder.create.heading')}</h2>
      <div className="field">
        <label htmlFor={nameId}>{t('builder.create.name')}</label>
        <input
          id={nameId}
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
          aria-invalid={error === t('builder.create.nameRequired') || undefined}
        />
      </div>
      <fieldset className="template-choices">
        <legend>{t('builder.create.startFrom')}</legend>
        <label className="template-choice">
          <input type="radio" name="template" value={BLANK} checked={start === BLANK} onChange={() => setStart(BLANK)} />
          <span>
            <span className="template-title">{t('builder.create.blank')}</span>
            <span className="template-description">{t('builder.create.blankDescription')}</span>
          </span>
        </label>
        {templates.kind === 'ready' && templates.value.map((template) => (
          <label key={template.key} className="template-choice">
            <input type="radio" name="template" value={template.key} checked={start === template.key} onChange={() => setStart(template.key)} />
            <span>
              <span className="template-title">{template.title}</span>
              <span className="template-description">
                {template.description} {t('builder.create.questionCount', { count: template.questionCount })}
              </span>
            </span>
          </label>
        ))}
        {templates.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
        {templates.kind === 'failed' && <p>{t('builder.create.templatesFailed')}</p>}
      </fieldset>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={creating}>
        {creating ? t('builder.create.creating') : t('builder.create.submit')}
      </button>
    </form>
  );
}
