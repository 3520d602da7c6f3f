import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import type { TrendInterval, TrendMetric } from '@shared/scoring/metrics.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { dashboardApi } from './dashboard-api';
import { CHART_COLORS } from './ChartFigure';
import type { ScoreText } from './score-text';
import { useLoad } from '../lib/use-load';

/** A small line of one metric over the period; its values are also read out as text. */
export function Sparkline({ params, metric, interval, text }: { params: URLSearchParams; metric: TrendMetric; interval: TrendInterval; text: ScoreText }) {
  const t = useT();
  const query = new URLSearchParams(params);
  query.set('metric', metric);
  query.set('interval', interval);
  const { state } = useLoad(`trend?${query}`, () => dashboardApi(api).trend(query));
  if (state.kind !== 'ready') return <div className="sparkline" aria-busy={state.kind === 'loading'} />;
  const points = state.value.points.filter((point) => point.value !== null);
  const metricName = text.metricName(metric);
  if (points.length === 0) return <p className="sparkline-empty hint">{t('dashboard.sparkline.empty', { metric: metricName })}</p>;
  const values = points.map((point) => `${point.period} ${text.metricValue(metric, point.value!)}`).join(', ');
  return (
    <div className="sparkline">
      <p className="visually-hidden">{t('dashboard.sparkline.label', { metric: metricName, interval: t(`dashboard.interval.${interval}`), values })}</p>
      <div aria-hidden="true" className="sparkline-canvas">
        <ResponsiveContainer width="100%" height={40}>
          <LineChart data={state.value.points} margin={{ top: 4, right: 4, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <YAxis hide domain={['dataMin', 'dataMax']} />
            <Line type="monotone" dataKey="value" stroke={CHART_COLORS.primary} strokeWidth={2} dot={points.length === 1} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
