import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Touchpoint } from '@shared/touchpoints/touchpoint.schema';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/i18n-context';
import { api, ApiError } from '../lib/api-client';
import { emptyFields, fieldsFromTouchpoint, touchpointInputFrom } from './touchpoint-form';
import { TargetInputs } from './TargetInputs';
import type { FieldErrors, TouchpointFields } from './touchpoint-form';
import { touchpointsApi } from './touchpoints-api';

const ERROR_TEXT: Record<string, MessageKey> = {
  'not-a-number': 'touchpoints.error.number',
  'out-of-range': 'touchpoints.error.range',
  invalid: 'touchpoints.error.invalid',
};

interface Props {
  /** Editing an existing touchpoint (its key cannot change), or creating one when absent. */
  editing?: Touchpoint;
  onSaved: (touchpoint: Touchpoint) => void;
  onCancel?: () => void;
}

/** Create or edit a touchpoint: key, name, owners and the targets alerts compare scores with. */
export function TouchpointForm({ editing, onSaved, onCancel }: Props) {
  const t = useT();
  const id = useId();
  const [fields, setFields] = useState<TouchpointFields>(() => (editing ? fieldsFromTouchpoint(editing) : emptyFields()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Why the targets change: kept with the new version of the touchpoint's standard (unused when they do not change).
  const [reason, setReason] = useState('');

  const errorFor = (field: string) => {
    const code = errors[field];
    if (!code) return null;
    const key = field === 'key' ? 'touchpoints.error.key' : field === 'owners' ? 'touchpoints.error.owners' : (ERROR_TEXT[code] ?? 'touchpoints.error.invalid');
    return t(key);
  };
  const described = (field: string) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {};
  const errorLine = (field: string) => {
    const text = errorFor(field);
    return text ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {text}
      </p>
    ) : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const result = touchpointInputFrom(fields);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const { key, ...update } = result.input;
      const saved = editing
        ? await touchpointsApi(api).update(editing.key, { ...update, ...(reason.trim() ? { reason: reason.trim() } : {}) })
        : await touchpointsApi(api).create({ key, ...update });
      setSaving(false);
      if (!editing) setFields(emptyFields());
      onSaved(saved);
    } catch (error) {
      setSaving(false);
      if (error instanceof ApiError && error.status === 409) setErrors({ key: 'taken' });
      setFailure(
        error instanceof ApiError && error.status === 409
          ? t('touchpoints.error.keyTaken')
          : error instanceof ApiError && error.isNetworkError
            ? t('error.network')
            : t('touchpoints.error.saveFailed'),
      );
    }
  };

  const set = (change: Partial<TouchpointFields>) => setFields((current) => ({ ...current, ...change }));
  const heading = editing ? t('touchpoints.form.editHeading', { name: editing.name }) : t('touchpoints.form.heading');

  return (
    <form className="panel touchpoint-form" aria-label={heading} onSubmit={(event) => void submit(event)} noValidate>
      <h2>{heading}</h2>
      <div className="field">
        <label htmlFor={`${id}-key`}>{t('touchpoints.form.key')}</label>
        <input
          id={`${id}-key`}
          value={fields.key}
          disabled={!!editing}
          {...described('key')}
          aria-describedby={errors.key ? `${id}-key-error` : `${id}-key-hint`}
          onChange={(event) => set({ key: event.target.value })}
        />
        <p id={`${id}-key-hint`} className="hint">
          {t('touchpoints.form.keyHint')}
        </p>
        {errorLine('key')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('touchpoints.form.name')}</label>
        <input id={`${id}-name`} value={fields.name} {...described('name')} onChange={(event) => set({ name: event.target.value })} />
        {errorLine('name')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('touchpoints.form.description')}</label>
        <textarea id={`${id}-description`} rows={2} value={fields.description} onChange={(event) => set({ description: event.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-owners`}>{t('touchpoints.form.owners')}</label>
        <textarea
          id={`${id}-owners`}
          rows={2}
          value={fields.owners}
          {...described('owners')}
          aria-describedby={errors.owners ? `${id}-owners-error` : `${id}-owners-hint`}
          onChange={(event) => set({ owners: event.target.value })}
        />
        <p id={`${id}-owners-hint`} className="hint">
          {t('touchpoints.form.ownersHint')}
        </p>
        {errorLine('owners')}
      </div>
      <fieldset className="target-fields">
        <legend>{t('touchpoints.form.targets')}</legend>
        <p className="hint">{t('touchpoints.form.targetsHint')}</p>
        <TargetInputs idPrefix={id} values={fields.target} onChange={(target) => set({ target })} described={described} errorLine={errorLine} />
        {editing && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('touchpoints.form.reason')}</label>
            <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
          </div>
        )}
      </fieldset>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('touchpoints.form.saving') : editing ? t('touchpoints.form.save') : t('touchpoints.form.create')}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('touchpoints.form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
