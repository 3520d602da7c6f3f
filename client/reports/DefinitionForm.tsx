import { useId, useState, type FormEvent } from 'react';
import { REPORT_CADENCES } from '@shared/reports/report-period';
import type { ReportDefinition } from '@shared/reports/report.schema';
import { UI_LOCALES } from '@shared/survey-definition/survey-locale';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { FieldError } from '../lib/FieldError';
import { problemMessage } from '../lib/problem-message';
import { SettingsFormFooter, useSettingsSave } from '../lib/settings-form';
import { definitionFieldsFrom, definitionInputFrom, DEFINITION_FIELDS, emptyDefinitionFields, type DefinitionField, type DefinitionFields, type RecipientFields } from './definition-form';
import { reportsApi } from './reports-api';

const calls = reportsApi(api);

export interface DefinitionChoices {
  surveys: Array<{ id: string; title: string }>;
  touchpoints: Array<{ key: string; name: string }>;
  teams: Array<{ id: string; name: string }>;
  /** The first recipient line of a new definition: the admin, in the language they use. */
  me: RecipientFields;
}

interface Props {
  definition: ReportDefinition | null;
  choices: DefinitionChoices;
  onCancel: () => void;
  onSaved: (definition: ReportDefinition) => void;
  onDeleted: (id: string) => void;
}

/** Create or edit a report definition: what it covers, how often, and who receives it in which language. */
export function DefinitionForm({ definition, choices, onCancel, onSaved, onDeleted }: Props) {
  const t = useT();
  const id = useId();
  const [fields, setFields] = useState<DefinitionFields>(() => (definition ? definitionFieldsFrom(definition) : emptyDefinitionFields(choices.surveys[0]?.id ?? '', choices.me)));
  const { errors, other, busy, save } = useSettingsSave<DefinitionField>();
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState('');
  const set = (patch: Partial<DefinitionFields>) => setFields({ ...fields, ...patch });
  const described = (field: DefinitionField) => (errors[field] ? { 'aria-describedby': `${id}-${field}-error`, 'aria-invalid': true } : {});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(definitionInputFrom(fields), DEFINITION_FIELDS, (input) => (definition ? calls.updateDefinition(definition.id, input) : calls.createDefinition(input)), onSaved);
  };
  const toggleTouchpoint = (key: string) => set({ touchpoints: fields.touchpoints.includes(key) ? fields.touchpoints.filter((k) => k !== key) : [...fields.touchpoints, key] });
  const setRecipient = (index: number, patch: Partial<RecipientFields>) => set({ recipients: fields.recipients.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const remove = async () => {
    if (!definition) return;
    try {
      await calls.removeDefinition(definition.id);
      onDeleted(definition.id);
    } catch (error) {
      setDeleteError(`${t('reports.definitions.deleteFailed')} ${problemMessage(error, t)}`);
    }
  };

  return (
    <form className="report-definition-form" onSubmit={submit} aria-label={definition ? t('settingsForm.edit', { name: definition.name }) : t('reports.definitions.new')} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('reports.field.name')}</label>
        <input id={`${id}-name`} value={fields.name} onChange={(e) => set({ name: e.target.value })} maxLength={120} {...described('name')} />
        <FieldError id={`${id}-name-error`} message={errors.name} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-cadence`}>{t('reports.field.cadence')}</label>
        <select id={`${id}-cadence`} value={fields.cadence} onChange={(e) => set({ cadence: e.target.value as DefinitionFields['cadence'] })} {...described('cadence')}>
          {REPORT_CADENCES.map((cadence) => (
            <option key={cadence} value={cadence}>
              {t(`reports.cadence.${cadence}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-cadence-error`} message={errors.cadence} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-survey`}>{t('reports.field.survey')}</label>
        <select id={`${id}-survey`} value={fields.survey} onChange={(e) => set({ survey: e.target.value })} {...described('survey')}>
          {choices.surveys.map((survey) => (
            <option key={survey.id} value={survey.id}>
              {survey.title}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-survey-error`} message={errors.survey} />
      </div>
      <fieldset className="field" {...described('touchpoints')}>
        <legend>{t('reports.field.touchpoints')}</legend>
        {choices.touchpoints.map((touchpoint) => (
          <label key={touchpoint.key} className="checkbox-field">
            <input type="checkbox" checked={fields.touchpoints.includes(touchpoint.key)} onChange={() => toggleTouchpoint(touchpoint.key)} /> {touchpoint.name}
          </label>
        ))}
        <FieldError id={`${id}-touchpoints-error`} message={errors.touchpoints} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-team`}>{t('reports.field.team')}</label>
        <select id={`${id}-team`} value={fields.team} onChange={(e) => set({ team: e.target.value })} {...described('team')}>
          <option value="">{t('reports.field.noTeam')}</option>
          {choices.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-team-error`} message={errors.team} />
      </div>
      <fieldset className="field" {...described('recipients')}>
        <legend>{t('reports.field.recipients')}</legend>
        {fields.recipients.map((recipient, index) => (
          <div key={index} className="report-recipient">
            <label>
              {t('reports.field.email', { n: index + 1 })}
              <input type="email" value={recipient.email} onChange={(e) => setRecipient(index, { email: e.target.value })} />
            </label>
            <label>
              {t('reports.field.locale', { n: index + 1 })}
              <select value={recipient.locale} onChange={(e) => setRecipient(index, { locale: e.target.value as RecipientFields['locale'] })}>
                {UI_LOCALES.map((locale) => (
                  <option key={locale} value={locale}>
                    {t(`builder.language.${locale}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button-secondary button-small" onClick={() => set({ recipients: fields.recipients.filter((_, i) => i !== index) })}>
              {t('reports.field.removeRecipient', { n: index + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="button button-secondary button-small" onClick={() => set({ recipients: [...fields.recipients, { email: '', locale: choices.me.locale }] })}>
          {t('reports.field.addRecipient')}
        </button>
        <FieldError id={`${id}-recipients-error`} message={errors.recipients} />
      </fieldset>
      <label className="checkbox-field">
        <input type="checkbox" checked={fields.active} onChange={(e) => set({ active: e.target.checked })} /> {t('reports.field.active')}
      </label>
      <SettingsFormFooter errors={errors} other={other} busy={busy} onCancel={onCancel} />
      {definition && (
        <div className="button-row">
          <button type="button" className="button button-secondary" aria-expanded={confirming} onClick={() => setConfirming(!confirming)}>
            {t('reports.definitions.delete')}
          </button>
        </div>
      )}
      {definition && confirming && (
        <div role="alertdialog" aria-labelledby={`${id}-delete-heading`} className="danger-confirm">
          <h3 id={`${id}-delete-heading`}>{t('reports.definitions.deleteConfirm', { name: definition.name })}</h3>
          {deleteError && <p role="alert">{deleteError}</p>}
          <button type="button" className="button button-danger" onClick={() => void remove()}>
            {t('reports.definitions.deleteYes')}
          </button>
        </div>
      )}
    </form>
  );
}
