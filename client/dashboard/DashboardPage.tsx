import { useEffect } from 'react';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { LoadFailed } from '../lib/LoadFailed';
import { navigate, useLocation } from '../lib/navigation';
import { matchPath, normalizePath } from '../lib/router';
import { StatusPage } from '../staff/StatusPage';
import { DashboardOverview } from './DashboardOverview';
import { dashboardApi } from './dashboard-api';
import { filtersToSearch, parseFilters } from './dashboard-filters';
import type { DashboardFilters } from './dashboard-filters';
import { FiltersBar } from './FiltersBar';
import { TouchpointDetail } from './TouchpointDetail';
import { useLoad } from '../lib/use-load';
import '../lib/section-ui.css';
import './dashboard.css';

export const DASHBOARD_PATH = '/dashboard';

async function loadOptions() {
  const client = dashboardApi(api);
  const [surveys, touchpoints, channels, segments] = await Promise.all([
    client.surveys(),
    client.touchpoints(),
    client.channels(),
    // Without the segment list (an older server) the filter falls back to typing a segment key.
    client.segments().catch((error: unknown) => {
      console.warn('No segment list; segment filter is free text', error);
      return null;
    }),
  ]);
  // Only published surveys have answers to score; archived ones keep theirs.
  return { surveys: surveys.filter((survey) => survey.latestVersion !== null), touchpoints, channels, segments };
}

/** Entry of the dashboard section: the touchpoint grid, or one touchpoint's detail, under one filter bar. */
export function DashboardPage() {
  const t = useT();
  const { pathname, search } = useLocation();
  const path = normalizePath(pathname);
  const detail = matchPath(`${DASHBOARD_PATH}/touchpoints/:key`, path);
  const filters = parseFilters(search);
  const options = useLoad('dashboard-options', loadOptions);
  const setFilters = (next: DashboardFilters) => navigate(path + filtersToSearch(next), { replace: true });

  // With no survey chosen yet, show the most recently changed published one (and say so in the URL).
  const firstSurvey = options.state.kind === 'ready' ? options.state.value.surveys[0]?.id : undefined;
  useEffect(() => {
    if (!filters.survey && firstSurvey) navigate(path + filtersToSearch({ ...filters, survey: firstSurvey }), { replace: true });
  });

  if (path !== DASHBOARD_PATH && !detail?.key) return <StatusPage kind="not-found" path={path} />;
  const touchpoint = options.state.kind === 'ready' && detail?.key ? options.state.value.touchpoints.find((candidate) => candidate.key === detail.key) : undefined;
  const title = detail?.key ? (touchpoint?.name ?? detail.key) : t('nav.dashboard');

  return (
    <section className="page dashboard" aria-labelledby="page-title">
      {detail?.key && (
        <p className="dashboard-back">
          <Link to={DASHBOARD_PATH + filtersToSearch({ ...filters, metric: undefined, interval: undefined })}>← {t('dashboard.back')}</Link>
        </p>
      )}
      <h1 id="page-title">{title}</h1>
      {!detail?.key && <p className="page-lead">{t('dashboard.lead')}</p>}
      {options.state.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {options.state.kind === 'failed' && <LoadFailed message={t('dashboard.optionsFailed')} onRetry={options.retry} />}
      {options.state.kind === 'ready' && (
        <>
          <FiltersBar key={search} filters={filters} options={options.state.value} onChange={setFilters} />
          {options.state.value.surveys.length === 0 && <p>{t('dashboard.filters.noSurveys')}</p>}
          {filters.survey &&
            (detail?.key ? (
              <TouchpointDetail
                key={detail.key}
                touchpointKey={detail.key}
                filters={filters}
                surveyId={filters.survey}
                channels={options.state.value.channels}
                onChange={setFilters}
              />
            ) : (
              <DashboardOverview filters={filters} surveyId={filters.survey} touchpoints={options.state.value.touchpoints} />
            ))}
        </>
      )}
    </section>
  );
}
