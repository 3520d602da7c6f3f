import type { ComparableMetric, TouchpointScores, TrendMetric } from '@shared/scoring/metrics.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { LoadFailed } from '../lib/LoadFailed';
import { AlertList } from './AlertList';
import { CsatHistogram } from './CsatHistogram';
import { dashboardApi, responsesCsvUrl, responsesXlsxUrl } from './dashboard-api';
import { daysIn, resolvePeriod, scopeParams, sparklineInterval } from './dashboard-filters';
import type { DashboardFilters } from './dashboard-filters';
import { KanoTable } from './KanoTable';
import { LatestComments } from './LatestComments';
import { NpsBreakdown } from './NpsBreakdown';
import { ChangeList, SampleNote, ScoreList, TargetList } from './ScoreSummary';
import { createScoreText, sparklineMetric } from './score-text';
import type { ScoreText } from './score-text';
import { ServqualChart } from './ServqualChart';
import { ThemesPanel } from './ThemesPanel';
import { TrendChart } from './TrendChart';
import { TREND_INTERVALS } from '@shared/scoring/metrics.schema';
import { caseMetricValue } from '@shared/scoring/case-metric-value';
import { CASE_METRIC_KEYS } from '@shared/scoring/metric-keys';
import { useLoad } from '../lib/use-load';

/** Trend metrics a touchpoint has data for, in menu order. */
function availableMetrics(scores: TouchpointScores): TrendMetric[] {
  const metrics: TrendMetric[] = [];
  if (scores.nps) metrics.push('nps');
  if (scores.csat) metrics.push('csat-satisfied', 'csat');
  if (scores.ces) metrics.push('ces');
  if (scores.servqual) metrics.push('servqual-gap');
  if (scores.index !== null) metrics.push('index');
  // Case metrics with data (each names the count it is of; see caseMetricValue).
  for (const metric of CASE_METRIC_KEYS) if (caseMetricValue(scores.cases ?? null, metric)) metrics.push(metric);
  return metrics;
}

interface DetailProps {
  touchpointKey: string;
  filters: DashboardFilters;
  surveyId: string;
  channels: string[];
  onChange: (next: DashboardFilters) => void;
}

/** Everything about one touchpoint in the chosen period. */
export function TouchpointDetail({ touchpointKey, filters, surveyId, channels, onChange }: DetailProps) {
  const t = useT();
  const { locale } = useLocale();
  const text = createScoreText(t, locale);
  const period = resolvePeriod(filters);
  const params = scopeParams(filters, period, { touchpoint: touchpointKey });
  const { state, retry } = useLoad(`metrics?${params}`, () => dashboardApi(api).metrics(params));

  if (state.kind === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.kind === 'failed') return <LoadFailed message={t('dashboard.loadFailed')} onRetry={retry} />;
  const scores = state.value.touchpoints.find((candidate) => candidate.touchpoint === touchpointKey);
  const exportParams = new URLSearchParams({ from: period.from, to: period.to, touchpoint: touchpointKey, ...(filters.channel ? { channel: filters.channel } : {}) });

  return (
    <>
      <p className="dashboard-period">{t('dashboard.period', { from: period.from, to: period.to })}</p>
      <div className="button-row dashboard-export" role="group" aria-label={t('dashboard.export.heading')}>
        <a className="button button-secondary button-small" href={responsesCsvUrl(surveyId, exportParams)} download>
          {t('dashboard.export.responses')}
        </a>
        <a className="button button-secondary button-small" href={responsesXlsxUrl(surveyId, exportParams, locale)} download>
          {t('dashboard.export.responsesExcel')}
        </a>
      </div>
      {!scores ? (
        <p>{t('dashboard.detail.unknown')}</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="detail-scores">
            <h2 id="detail-scores">{t('dashboard.detail.scores')}</h2>
            <SampleNote scores={scores} text={text} />
            <ScoreList scores={scores} text={text} />
            <h3 className="tp-card-subheading">{t('dashboard.targets.heading')}</h3>
            <TargetList scores={scores} text={text} />
            {scores.changes && scores.changes.length > 0 && (
              <>
                <h3 className="tp-card-subheading">{t('dashboard.changes.heading', { days: daysIn(period) })}</h3>
                <ChangeList scores={scores} text={text} only={availableMetrics(scores).filter((metric): metric is ComparableMetric => metric !== 'index')} />
              </>
            )}
            <h3 className="tp-card-subheading">{t('dashboard.alerts.heading')}</h3>
            <AlertList touchpoint={touchpointKey} text={text} />
            <p>
              <Link to={`/actions?${new URLSearchParams({ touchpoint: touchpointKey })}`}>{t('actions.history.link')}</Link>
            </p>
          </section>
          <TrendSection scores={scores} filters={filters} params={params} text={text} onChange={onChange} />
          <div className="detail-grid">
            {scores.nps && (
              <section className="panel" aria-labelledby="detail-nps">
                <h2 id="detail-nps">{t('dashboard.nps.heading')}</h2>
                <NpsBreakdown nps={scores.nps} text={text} />
              </section>
            )}
            {scores.csat && (
              <section className="panel" aria-labelledby="detail-csat">
                <h2 id="detail-csat">{t('dashboard.csat.heading')}</h2>
                <CsatHistogram csat={scores.csat} />
              </section>
            )}
          </div>
          {scores.servqual && (
            <section className="panel" aria-labelledby="detail-servqual">
              <h2 id="detail-servqual">{t('dashboard.servqual.heading')}</h2>
              <ServqualChart servqual={scores.servqual} text={text} />
            </section>
          )}
          {scores.kano && Object.keys(scores.kano).length > 0 && (
            <section className="panel" aria-labelledby="detail-kano">
              <h2 id="detail-kano">{t('dashboard.kano.heading')}</h2>
              <KanoTable kano={scores.kano} text={text} />
            </section>
          )}
        </>
      )}
      <section className="panel" aria-labelledby="detail-themes">
        <h2 id="detail-themes">{t('dashboard.themes.heading')}</h2>
        <ThemesPanel params={params} />
      </section>
      <section className="panel" aria-labelledby="detail-comments">
        <h2 id="detail-comments">{t('dashboard.comments.heading')}</h2>
        <LatestComments surveyId={surveyId} touchpoint={touchpointKey} period={period} channel={filters.channel} channels={channels} />
      </section>
    </>
  );
}

function TrendSection({ scores, filters, params, text, onChange }: { scores: TouchpointScores; filters: DashboardFilters; params: URLSearchParams; text: ScoreText; onChange: (next: DashboardFilters) => void }) {
  const t = useT();
  const metrics = availableMetrics(scores);
  const metric = filters.metric && metrics.includes(filters.metric) ? filters.metric : sparklineMetric(scores);
  const interval = filters.interval ?? sparklineInterval(resolvePeriod(filters));
  const query = new URLSearchParams(params);
  query.set('metric', metric);
  query.set('interval', interval);
  const { state, retry } = useLoad(`trend?${query}`, () => dashboardApi(api).trend(query));
  return (
    <section className="panel" aria-labelledby="detail-trend">
      <h2 id="detail-trend">{t('dashboard.trend.heading')}</h2>
      <div className="field-inline trend-controls">
        <label htmlFor="trend-metric">{t('dashboard.trend.metric')}</label>
        <select id="trend-metric" value={metric} onChange={(event) => onChange({ ...filters, metric: event.target.value as TrendMetric })}>
          {metrics.map((option) => (
            <option key={option} value={option}>
              {text.metricName(option)}
            </option>
          ))}
        </select>
        <label htmlFor="trend-interval">{t('dashboard.trend.interval')}</label>
        <select id="trend-interval" value={interval} onChange={(event) => onChange({ ...filters, interval: event.target.value as typeof interval })}>
          {TREND_INTERVALS.map((option) => (
            <option key={option} value={option}>
              {t(`dashboard.interval.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {state.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {state.kind === 'failed' && <LoadFailed message={t('dashboard.trend.failed')} onRetry={retry} />}
      {state.kind === 'ready' && <TrendChart trend={state.value} text={text} />}
    </section>
  );
}
