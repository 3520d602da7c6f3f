import type { Touchpoint } from '@shared/touchpoints/touchpoint.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { downloadFile } from '../lib/download';
import { LoadFailed } from '../lib/LoadFailed';
import { dashboardApi, responsesCsvUrl, responsesXlsxUrl, scoresXlsxUrl } from './dashboard-api';
import { daysIn, filtersToSearch, resolvePeriod, scopeParams, sparklineInterval } from './dashboard-filters';
import type { DashboardFilters } from './dashboard-filters';
import { createScoreText } from './score-text';
import { scoresCsv } from './scores-csv';
import { TouchpointCard } from './TouchpointCard';
import { useLoad } from '../lib/use-load';

/** The grid of touchpoints for the chosen survey and period. */
export function DashboardOverview({ filters, surveyId, touchpoints }: { filters: DashboardFilters; surveyId: string; touchpoints: Touchpoint[] }) {
  const t = useT();
  const { locale } = useLocale();
  const text = createScoreText(t, locale);
  const period = resolvePeriod(filters);
  const params = scopeParams(filters, period);
  const { state, retry } = useLoad(`metrics?${params}`, () => dashboardApi(api).metrics(params));
  const names = new Map(touchpoints.map((touchpoint) => [touchpoint.key, touchpoint.name]));
  const detailSearch = filtersToSearch({ ...filters, metric: undefined, interval: undefined });
  const exportParams = new URLSearchParams({ from: period.from, to: period.to, ...(filters.channel ? { channel: filters.channel } : {}) });

  const downloadScores = () => {
    if (state.kind !== 'ready') return;
    const csv = scoresCsv({ metrics: state.value, period, channel: filters.channel, segment: filters.segment, names });
    downloadFile(`scores-${period.from}_to_${period.to}.csv`, csv, 'text/csv;charset=utf-8');
  };

  return (
    <>
      <p className="dashboard-period">
        {t('dashboard.period', { from: period.from, to: period.to })}
        {state.kind === 'ready' && <> {t('dashboard.asOf', { time: new Date(state.value.asOf).toLocaleString(locale) })}</>}
      </p>
      <div className="button-row dashboard-export" role="group" aria-label={t('dashboard.export.heading')}>
        <button type="button" className="button button-secondary button-small" onClick={downloadScores} disabled={state.kind !== 'ready'}>
          {t('dashboard.export.scores')}
        </button>
        <a className="button button-secondary button-small" href={scoresXlsxUrl(params)} download>
          {t('dashboard.export.scoresExcel')}
        </a>
        <a className="button button-secondary button-small" href={responsesCsvUrl(surveyId, exportParams)} download>
          {t('dashboard.export.responses')}
        </a>
        <a className="button button-secondary button-small" href={responsesXlsxUrl(surveyId, exportParams, locale)} download>
          {t('dashboard.export.responsesExcel')}
        </a>
      </div>
      <h2 className="section-heading">{t('dashboard.grid.heading')}</h2>
      {state.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {state.kind === 'failed' && <LoadFailed message={t('dashboard.loadFailed')} onRetry={retry} />}
      {state.kind === 'ready' && state.value.touchpoints.length === 0 && <p>{t('dashboard.grid.empty')}</p>}
      {state.kind === 'ready' && state.value.touchpoints.length > 0 && (
        <ul className="tp-grid">
            {state.value.touchpoints.map((scores) => (
              <TouchpointCard
                key={scores.touchpoint}
                scores={scores}
                name={names.get(scores.touchpoint) ?? scores.touchpoint}
                detailHref={`/dashboard/touchpoints/${encodeURIComponent(scores.touchpoint)}${detailSearch}`}
                params={params}
                interval={sparklineInterval(period)}
                changesHeading={t('dashboard.changes.heading', { days: daysIn(period) })}
                text={text}
              />
            ))}
        </ul>
      )}
    </>
  );
}
