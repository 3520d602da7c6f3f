import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { COMMITMENT_METRICS, COMPARATORS } from '@shared/standards/standard.schema';
import type { SlaPolicyOption, StandardVersion } from '@shared/standards/standard.schema';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/i18n-context';
import { api, ApiError } from '../lib/api-client';
import type { FieldErrors } from '../touchpoints/touchpoint-form';
import { TargetInputs } from '../touchpoints/TargetInputs';
import { emptyCommitment, fieldsFromVersion, isCommitmentMetric, versionInputFrom, type CommitmentFields, type StandardFields } from './standard-form';
import { metricLabel } from './standard-text';
import { standardsApi } from './standards-api';

const ERROR_TEXT: Record<string, MessageKey> = {
  required: 'standards.error.reason',
  'not-a-number': 'touchpoints.error.number',
  'out-of-range': 'touchpoints.error.range',
  invalid: 'touchpoints.error.invalid',
};

interface Props {
  touchpoint: string;
  latest: StandardVersion | null;
  /** The SLA policies to choose from; null when this user may not list them (the latest version's is kept). */
  policies: SlaPolicyOption[] | null;
  onSaved: (version: StandardVersion) => void;
}

/** Makes the next version of a standard from the latest one: commitments, targets, SLA policy, and a required reason. */
export function StandardEditor({ touchpoint, latest, policies, onSaved }: Props) {
  const t = useT();
  const id = useId();
  const [fields, setFields] = useState<StandardFields>(() => fieldsFromVersion(latest));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (change: Partial<StandardFields>) => setFields((current) => ({ ...current, ...change }));
  const setRow = (index: number, change: Partial<CommitmentFields>) =>
    set({ commitments: fields.commitments.map((row, i) => (i === index ? { ...row, ...change } : row)) });
  const errorLine = (field: string) => {
    const code = errors[field];
    return code ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {t(ERROR_TEXT[code] ?? 'touchpoints.error.invalid')}
      </p>
    ) : null;
  };
  const described = (field: string) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const result = versionInputFrom(fields, policies === null);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = await standardsApi(api).create(touchpoint, result.input);
      setSaving(false);
      onSaved(saved);
    } catch (error) {
      setSaving(false);
      setFailure(error instanceof ApiError && error.isNetworkError ? t('error.network') : t('standards.error.saveFailed'));
    }
  };

  return (
    <form className="panel standard-editor" aria-labelledby={`${id}-heading`} onSubmit={(event) => void submit(event)} noValidate>
      <h2 id={`${id}-heading`}>{t('standards.editor.heading')}</h2>
      <fieldset className="target-fields">
        <legend>{t('standards.commitments')}</legend>
        {errorLine('commitments')}
        {fields.commitments.map((row, index) => (
          <div className="commitment-row" key={index}>
            <div className="field">
              <label htmlFor={`${id}-c${index}-name`}>{t('standards.editor.name', { n: index + 1 })}</label>
              <input id={`${id}-c${index}-name`} value={row.name} {...described(`commitments.${index}.name`)} onChange={(event) => setRow(index, { name: event.target.value })} />
              {errorLine(`commitments.${index}.name`)}
            </div>
            <div className="field">
              <label htmlFor={`${id}-c${index}-metric`}>{t('standards.editor.metric')}</label>
              <select id={`${id}-c${index}-metric`} value={row.metric} onChange={(event) => setRow(index, { metric: isCommitmentMetric(event.target.value) ? event.target.value : '' })}>
                <option value="">{t('standards.editor.unmeasured')}</option>
                {COMMITMENT_METRICS.map((metric) => (
                  <option key={metric} value={metric}>
                    {t(metricLabel(metric))}
                  </option>
                ))}
              </select>
            </div>
            {row.metric !== '' && (
              <>
                <div className="field">
                  <label htmlFor={`${id}-c${index}-comparator`}>{t('standards.editor.comparator')}</label>
                  <select
                    id={`${id}-c${index}-comparator`}
                    value={row.comparator}
                    onChange={(event) => setRow(index, { comparator: event.target.value === 'at-most' ? 'at-most' : 'at-least' })}
                  >
                    {COMPARATORS.map((comparator) => (
                      <option key={comparator} value={comparator}>
                        {t(`standards.comparator.${comparator}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-c${index}-threshold`}>{t('standards.editor.threshold')}</label>
                  <input
                    id={`${id}-c${index}-threshold`}
                    inputMode="decimal"
                    value={row.threshold}
                    {...described(`commitments.${index}.threshold`)}
                    onChange={(event) => setRow(index, { threshold: event.target.value })}
                  />
                  {errorLine(`commitments.${index}.threshold`)}
                </div>
              </>
            )}
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('standards.editor.remove', { n: index + 1 })}
              onClick={() => set({ commitments: fields.commitments.filter((_, i) => i !== index) })}
            >
              {t('standards.editor.removeShort')}
            </button>
          </div>
        ))}
        <button type="button" className="button button-secondary button-small" onClick={() => set({ commitments: [...fields.commitments, emptyCommitment()] })}>
          {t('standards.editor.add')}
        </button>
      </fieldset>
      <fieldset className="target-fields">
        <legend>{t('touchpoints.form.targets')}</legend>
        <TargetInputs idPrefix={id} values={fields.target} onChange={(target) => set({ target })} described={described} errorLine={errorLine} />
      </fieldset>
      {policies !== null && (
        <div className="field">
          <label htmlFor={`${id}-policy`}>{t('standards.slaPolicy')}</label>
          <select id={`${id}-policy`} value={fields.slaPolicyId} onChange={(event) => set({ slaPolicyId: event.target.value })}>
            <option value="">{t('standards.slaPolicy.none')}</option>
            {policies.map((policy) => (
              <option key={policy.id} value={policy.id}>
                {policy.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('standards.editor.reason')}</label>
        <textarea id={`${id}-reason`} rows={2} required value={fields.reason} {...described('reason')} onChange={(event) => set({ reason: event.target.value })} />
        {errorLine('reason')}
      </div>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('touchpoints.form.saving') : t('standards.editor.save')}
        </button>
      </div>
    </form>
  );
}
