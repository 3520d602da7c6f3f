import { useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { InvalidParam } from '@shared/http/problem.schema';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/i18n-context';
import { api, ApiError } from '../lib/api-client';
import { navigate } from '../lib/navigation';
import type { FormChoices } from './DistributionCreatePage';
import { distributionInputFrom, emptyFields, errorText, fieldErrorsFromProblem, SHOWN_WITH } from './distribution-form';
import type { AudienceKind, DistributionFields, FieldErrors, FormField, ScheduleKind } from './distribution-form';
import { distributionsApi } from './distributions-api';
import { TimeZoneSelect } from './TimeZoneSelect';

const AUDIENCE_KINDS: readonly [AudienceKind, MessageKey][] = [
  ['segment', 'distributions.form.audienceSegment'],
  ['contacts', 'distributions.form.audienceContacts'],
  ['all', 'distributions.form.audienceAll'],
];

const SCHEDULE_KINDS: readonly [ScheduleKind, MessageKey][] = [
  ['now', 'distributions.form.scheduleNow'],
  ['at', 'distributions.form.scheduleAt'],
  ['monthly', 'distributions.form.scheduleMonthly'],
  ['quarterly', 'distributions.form.scheduleQuarterly'],
  ['cron', 'distributions.form.scheduleCron'],
];

/** Errors the server gives for fields without a control of their own are shown with the control that sets them. */
function withShownFields(errors: FieldErrors): FieldErrors {
  const shown: FieldErrors = { ...errors };
  for (const [from, to] of Object.entries(SHOWN_WITH) as [FormField, FormField][]) {
    if (shown[from] && !shown[to]) shown[to] = shown[from];
  }
  return shown;
}

/** The create form: what to send, to whom, when, with reminders, quarantine and an optional send window. */
export function DistributionForm({ choices }: { choices: FormChoices }) {
  const t = useT();
  const id = useId();
  const [fields, setFields] = useState<DistributionFields>(() => emptyFields());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [otherErrors, setOtherErrors] = useState<InvalidParam[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const set = (change: Partial<DistributionFields>) => setFields((current) => ({ ...current, ...change }));
  const domId = (field: string) => `${id}-${field.replace(/\./g, '-')}`;
  const errorId = (field: FormField) => `${domId(field)}-error`;
  /** aria attributes of a control: its error when it has one, else its hint. */
  const described = (field: FormField, hint?: string) => {
    const ids = [errors[field] ? errorId(field) : null, hint ?? null].filter(Boolean).join(' ');
    return { ...(errors[field] ? { 'aria-invalid': true as const } : {}), ...(ids ? { 'aria-describedby': ids } : {}) };
  };
  const errorLine = (field: FormField) => {
    const text = errorText(errors[field], t);
    return text ? (
      <p id={errorId(field)} className="field-error">
        {text}
      </p>
    ) : null;
  };

  const showFailure = (message: string) => {
    setFailure(message);
    requestAnimationFrame(() => summary.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setOtherErrors([]);
    const result = distributionInputFrom(fields);
    if (!result.ok) {
      setErrors(result.errors);
      showFailure(t('distributions.error.checkFields'));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const { id: created } = await distributionsApi(api).create(result.input);
      navigate(`/distributions/${created}`);
    } catch (error) {
      setSaving(false);
      console.error('Could not create the distribution', error);
      const invalid = error instanceof ApiError && error.status === 400 ? (error.problem.invalid_params ?? []) : [];
      if (invalid.length > 0) {
        const mapped = fieldErrorsFromProblem(invalid);
        setErrors(withShownFields(mapped.errors));
        setOtherErrors(mapped.other);
        showFailure(t('distributions.error.checkFields'));
      } else if (error instanceof ApiError && error.isNetworkError) showFailure(t('error.network'));
      else showFailure(error instanceof ApiError && error.problem.detail ? `${t('distributions.error.createFailed')} ${error.problem.detail}` : t('distributions.error.createFailed'));
    }
  };

  const field = (name: FormField, label: string, control: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={domId(name)}>{label}</label>
      {control}
      {hint && (
        <p id={`${domId(name)}-hint`} className="hint">
          {hint}
        </p>
      )}
      {errorLine(name)}
    </div>
  );
  const hintId = (name: FormField) => `${domId(name)}-hint`;
  const radios = <K extends string>(group: string, options: readonly [K, MessageKey][], value: K, onChange: (kind: K) => void) => (
    <div className="radio-group">
      {options.map(([kind, label]) => (
        <label key={kind} className="radio-field">
          <input type="radio" name={`${id}-${group}`} value={kind} checked={value === kind} onChange={() => onChange(kind)} />
          {t(label)}
        </label>
      ))}
    </div>
  );

  return (
    <form className="distribution-form" aria-labelledby="page-title" onSubmit={(event) => void submit(event)} noValidate>
      <div ref={summary} tabIndex={-1} className="distribution-form-summary">
        {failure && (
          <div role="alert" className="banner banner-error">
            <p>{failure}</p>
            {otherErrors.length > 0 && (
              <>
                <p>{t('distributions.form.otherErrors')}</p>
                <ul>
                  {otherErrors.map((param) => (
                    <li key={param.name}>
                      <code>{param.name}</code>: {param.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>

      <div className="panel">
        {field(
          'survey',
          t('distributions.form.survey'),
          <select id={domId('survey')} value={fields.survey} {...described('survey', hintId('survey'))} onChange={(event) => set({ survey: event.target.value })}>
            <option value="">{t('distributions.form.choose')}</option>
            {choices.surveys.map((survey) => (
              <option key={survey.id} value={survey.id}>
                {survey.title}
              </option>
            ))}
          </select>,
          choices.surveys.length === 0 ? t('distributions.form.noSurveys') : t('distributions.form.surveyHint'),
        )}
        {field(
          'touchpoint',
          t('distributions.form.touchpoint'),
          <select id={domId('touchpoint')} value={fields.touchpoint} {...described('touchpoint')} onChange={(event) => set({ touchpoint: event.target.value })}>
            <option value="">{t('distributions.form.choose')}</option>
            {choices.touchpoints.map((touchpoint) => (
              <option key={touchpoint.key} value={touchpoint.key}>
                {touchpoint.name}
              </option>
            ))}
          </select>,
        )}
        {field(
          'channel',
          t('distributions.form.channel'),
          <select id={domId('channel')} value={fields.channel} {...described('channel')} onChange={(event) => set({ channel: event.target.value })}>
            <option value="">{t('distributions.form.noChannel')}</option>
            {choices.channels.map((channel) => (
              <option key={channel} value={channel}>
                {channel}
              </option>
            ))}
          </select>,
        )}
      </div>

      <fieldset className="panel">
        <legend>{t('distributions.form.audience')}</legend>
        {radios('audience', AUDIENCE_KINDS, fields.audienceKind, (audienceKind) => set({ audienceKind }))}
        {fields.audienceKind === 'segment' &&
          field(
            'audience.segment',
            t('distributions.form.segment'),
            <select id={domId('audience.segment')} value={fields.segment} {...described('audience.segment')} onChange={(event) => set({ segment: event.target.value })}>
              <option value="">{t('distributions.form.choose')}</option>
              {choices.segments.map((segment) => (
                <option key={segment} value={segment}>
                  {segment}
                </option>
              ))}
            </select>,
          )}
        {fields.audienceKind === 'contacts' &&
          field(
            'audience.contactIds',
            t('distributions.form.contactIds'),
            <textarea
              id={domId('audience.contactIds')}
              rows={4}
              spellCheck={false}
              value={fields.contactIds}
              {...described('audience.contactIds', hintId('audience.contactIds'))}
              onChange={(event) => set({ contactIds: event.target.value })}
            />,
            t('distributions.form.contactIdsHint'),
          )}
        {errorLine('audience')}
      </fieldset>

      <fieldset className="panel">
        <legend>{t('distributions.form.schedule')}</legend>
        {radios('schedule', SCHEDULE_KINDS, fields.scheduleKind, (scheduleKind) => set({ scheduleKind }))}
        {errorLine('schedule')}
        {fields.scheduleKind === 'at' &&
          field(
            'schedule.at',
            t('distributions.form.at'),
            <input id={domId('schedule.at')} type="datetime-local" value={fields.at} {...described('schedule.at')} onChange={(event) => set({ at: event.target.value })} />,
          )}
        {fields.scheduleKind === 'cron' &&
          field(
            'schedule.cron',
            t('distributions.form.cron'),
            <input
              id={domId('schedule.cron')}
              value={fields.cron}
              spellCheck={false}
              placeholder="0 9 * * 1"
              {...described('schedule.cron', hintId('schedule.cron'))}
              onChange={(event) => set({ cron: event.target.value })}
            />,
            t('distributions.form.cronHint'),
          )}
        {(fields.scheduleKind === 'monthly' || fields.scheduleKind === 'quarterly' || fields.scheduleKind === 'cron') &&
          field(
            'schedule.timezone',
            t('distributions.form.scheduleTimezone'),
            <TimeZoneSelect id={domId('schedule.timezone')} value={fields.scheduleTimezone} {...described('schedule.timezone')} onChange={(scheduleTimezone) => set({ scheduleTimezone })} />,
          )}
      </fieldset>

      <fieldset className="panel">
        <legend>{t('distributions.form.reminders')}</legend>
        <p id={`${id}-reminders-hint`} className="hint">
          {t('distributions.form.remindersHint')}
        </p>
        <div className="field-row">
          {field(
            'reminders.afterDays',
            t('distributions.form.reminderAfterDays'),
            <input
              id={domId('reminders.afterDays')}
              inputMode="decimal"
              value={fields.reminderAfterDays}
              {...described('reminders.afterDays', `${id}-reminders-hint`)}
              onChange={(event) => set({ reminderAfterDays: event.target.value })}
            />,
          )}
          {field(
            'reminders.max',
            t('distributions.form.reminderMax'),
            <input
              id={domId('reminders.max')}
              inputMode="numeric"
              value={fields.reminderMax}
              {...described('reminders.max', `${id}-reminders-hint`)}
              onChange={(event) => set({ reminderMax: event.target.value })}
            />,
          )}
        </div>
      </fieldset>

      <fieldset className="panel">
        <legend>{t('distributions.detail.quarantine')}</legend>
        {field(
          'quarantineDays',
          t('distributions.form.quarantineDays'),
          <input
            id={domId('quarantineDays')}
            inputMode="decimal"
            value={fields.quarantineDays}
            {...described('quarantineDays', hintId('quarantineDays'))}
            onChange={(event) => set({ quarantineDays: event.target.value })}
          />,
          t('distributions.form.quarantineHint'),
        )}
      </fieldset>

      <fieldset className="panel">
        <legend>{t('distributions.detail.window')}</legend>
        <div className="checkbox-field">
          <input
            id={domId('sendWindow')}
            type="checkbox"
            checked={fields.windowOn}
            aria-describedby={`${domId('sendWindow')}-hint`}
            onChange={(event) => set({ windowOn: event.target.checked })}
          />
          <label htmlFor={domId('sendWindow')}>{t('distributions.form.windowOn')}</label>
        </div>
        <p id={`${domId('sendWindow')}-hint`} className="hint">
          {t('distributions.form.windowHint')}
        </p>
        {errorLine('sendWindow')}
        {fields.windowOn && (
          <div className="field-row">
            {field(
              'sendWindow.from',
              t('distributions.form.windowFrom'),
              <input id={domId('sendWindow.from')} type="time" value={fields.windowFrom} {...described('sendWindow.from')} onChange={(event) => set({ windowFrom: event.target.value })} />,
            )}
            {field(
              'sendWindow.to',
              t('distributions.form.windowTo'),
              <input id={domId('sendWindow.to')} type="time" value={fields.windowTo} {...described('sendWindow.to')} onChange={(event) => set({ windowTo: event.target.value })} />,
            )}
            {field(
              'sendWindow.timezone',
              t('distributions.form.windowTimezone'),
              <TimeZoneSelect id={domId('sendWindow.timezone')} value={fields.windowTimezone} {...described('sendWindow.timezone')} onChange={(windowTimezone) => set({ windowTimezone })} />,
            )}
          </div>
        )}
      </fieldset>

      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('distributions.form.submitting') : t('distributions.form.submit')}
        </button>
      </div>
    </form>
  );
}
