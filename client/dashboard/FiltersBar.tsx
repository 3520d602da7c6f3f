import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { slugSchema } from '@shared/survey-definition/metric-vocabulary';
import { useT } from '../i18n/i18n-context';
import type { SurveySummary } from './dashboard-api';
import { RANGE_PRESETS, resolvePeriod } from './dashboard-filters';
import type { DashboardFilters, RangePreset } from './dashboard-filters';

export interface FilterOptions {
  surveys: SurveySummary[];
  channels: string[];
  /** Known segments; null when the server has no list, and the segment is typed instead. */
  segments: string[] | null;
}

/**
 * Survey, period, channel and segment. Drop-downs apply at once; typed values (custom dates, a
 * typed segment) apply with the Apply button, so half-typed input never reaches the URL or the API.
 */
export function FiltersBar({ filters, options, onChange }: { filters: DashboardFilters; options: FilterOptions; onChange: (next: DashboardFilters) => void }) {
  const t = useT();
  const id = useId();
  const period = resolvePeriod(filters);
  const [range, setRange] = useState<RangePreset>(filters.range);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [segment, setSegment] = useState(filters.segment ?? '');
  const segmentValid = segment === '' || slugSchema.safeParse(segment).success;
  const datesValid = range !== 'custom' || (from !== '' && to !== '' && from <= to);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!segmentValid || !datesValid) return;
    const next: DashboardFilters = { ...filters, range, ...(options.segments ? {} : { segment: segment || undefined }) };
    if (range === 'custom') Object.assign(next, { from, to });
    else Object.assign(next, { from: undefined, to: undefined });
    onChange(next);
  };

  const choosePreset = (value: RangePreset) => {
    setRange(value);
    if (value !== 'custom') onChange({ ...filters, range: value, from: undefined, to: undefined });
  };

  return (
    <form className="filters-bar field-row panel" aria-label={t('dashboard.filters.label')} onSubmit={apply}>
      <div className="field">
        <label htmlFor={`${id}-survey`}>{t('dashboard.filters.survey')}</label>
        <select id={`${id}-survey`} value={filters.survey ?? ''} onChange={(event) => onChange({ ...filters, survey: event.target.value || undefined })}>
          {!filters.survey && <option value="">{t('dashboard.filters.chooseSurvey')}</option>}
          {options.surveys.map((survey) => (
            <option key={survey.id} value={survey.id}>
              {survey.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-range`}>{t('dashboard.filters.range')}</label>
        <select id={`${id}-range`} value={range} onChange={(event) => choosePreset(event.target.value as RangePreset)}>
          {RANGE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {t(`dashboard.filters.range.${preset}`)}
            </option>
          ))}
        </select>
      </div>
      {range === 'custom' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('dashboard.filters.from')}</label>
            <input id={`${id}-from`} type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('dashboard.filters.to')}</label>
            <input id={`${id}-to`} type="date" value={to} min={from || undefined} onChange={(event) => setTo(event.target.value)} required />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-channel`}>{t('dashboard.filters.channel')}</label>
        <select id={`${id}-channel`} value={filters.channel ?? ''} onChange={(event) => onChange({ ...filters, channel: event.target.value || undefined })}>
          <option value="">{t('dashboard.filters.allChannels')}</option>
          {options.channels.map((channel) => (
            <option key={channel} value={channel}>
              {channel}
            </option>
          ))}
        </select>
      </div>
      {options.segments ? (
        <div className="field">
          <label htmlFor={`${id}-segment`}>{t('dashboard.filters.segment')}</label>
          <select id={`${id}-segment`} value={filters.segment ?? ''} onChange={(event) => onChange({ ...filters, segment: event.target.value || undefined })}>
            <option value="">{t('dashboard.filters.allSegments')}</option>
            {options.segments.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-segment`}>{t('dashboard.filters.segment')}</label>
          <input
            id={`${id}-segment`}
            type="text"
            value={segment}
            placeholder={t('dashboard.filters.allSegments')}
            aria-describedby={`${id}-segment-hint`}
            aria-invalid={!segmentValid}
            onChange={(event) => setSegment(event.target.value.trim())}
          />
          <p id={`${id}-segment-hint`} className={segmentValid ? 'hint' : 'field-error'}>
            {segmentValid ? t('dashboard.filters.segmentHint') : t('dashboard.filters.invalidSegment')}
          </p>
        </div>
      )}
      {(range === 'custom' || !options.segments) && (
        <div className="filters-apply">
          <button type="submit" className="button button-secondary">
            {t('dashboard.filters.apply')}
          </button>
        </div>
      )}
    </form>
  );
}
