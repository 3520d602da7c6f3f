import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendResponse } from '@shared/scoring/metrics.schema';
import { useT } from '../i18n/i18n-context';
import { CHART_COLORS, ChartFigure } from './ChartFigure';
import type { ScoreText } from './score-text';

/** A span of periods to shade behind the line (an improvement action's baseline and check windows). */
export interface TrendShade {
  from: string;
  to: string;
  label: string;
}

/** The first and last plotted periods inside a shade: a category axis can only shade periods it has. */
function shadedPeriods(periods: readonly string[], shade: TrendShade): [string, string] | null {
  const inside = periods.filter((period) => period >= shade.from && period <= shade.to);
  return inside.length > 0 ? [inside[0]!, inside[inside.length - 1]!] : null;
}

/** A metric over time: the value as a line, its 95% interval as a shaded band, and any `shades` behind. */
export function TrendChart({ trend, text, shades = [] }: { trend: TrendResponse; text: ScoreText; shades?: readonly TrendShade[] }) {
  const t = useT();
  const metric = text.metricName(trend.metric);
  const interval = t(`dashboard.interval.${trend.interval}`);
  const digits = text.digits(trend.metric);
  const data = trend.points.map((point) => ({ period: point.period, value: point.value, band: point.ci95 ? [point.ci95[0], point.ci95[1]] : null, n: point.n }));
  if (!trend.points.some((point) => point.value !== null)) return <p>{t('dashboard.trend.empty')}</p>;
  const table = {
    headers: [t('dashboard.table.period'), t('dashboard.table.value'), t('dashboard.table.interval'), t('dashboard.table.n')],
    rows: trend.points.map((point) => [
      point.period,
      point.value === null ? t('dashboard.noData') : text.metricValue(trend.metric, point.value),
      point.ci95 ? `${text.number(point.ci95[0], digits)} – ${text.number(point.ci95[1], digits)}` : '—',
      point.n,
    ]),
  };
  const spans = shades.map((shade) => t('dashboard.trend.shade', { label: shade.label, from: shade.from, to: shade.to })).join('; ');
  const caption = t('dashboard.trend.caption', { metric, interval }) + (spans ? ` ${t('dashboard.trend.shaded', { spans })}` : '');
  return (
    <ChartFigure caption={caption} table={table}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e7ee" />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? text.number(value, digits) : String(value))} />
          {shades.map((shade, index) => {
            const span = shadedPeriods(data.map((point) => point.period), shade);
            return span && <ReferenceArea key={shade.label} x1={span[0]} x2={span[1]} fill={index === 0 ? CHART_COLORS.expectation : CHART_COLORS.promoter} fillOpacity={0.12} label={{ value: shade.label, position: 'insideTop', fontSize: 12 }} />;
          })}
          <Area type="monotone" dataKey="band" stroke="none" fill={CHART_COLORS.band} fillOpacity={0.5} isAnimationActive={false} name={t('dashboard.table.interval')} />
          <Line type="monotone" dataKey="value" stroke={CHART_COLORS.primary} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} name={metric} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
