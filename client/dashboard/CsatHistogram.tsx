import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { TouchpointScores } from '@shared/scoring/metrics.schema';
import { CSAT_LEVELS } from '@shared/scoring/rollup-stats';
import { useT } from '../i18n/i18n-context';
import { CHART_COLORS, ChartFigure } from './ChartFigure';

/** How many respondents gave each CSAT level. */
export function CsatHistogram({ csat }: { csat: NonNullable<TouchpointScores['csat']> }) {
  const t = useT();
  const data = CSAT_LEVELS.map((level) => ({ level, count: csat.distribution[level] }));
  const table = { headers: [t('dashboard.csat.level'), t('dashboard.csat.count')], rows: data.map((row) => [row.level, row.count]) };
  return (
    <ChartFigure caption={t('dashboard.csat.caption', { n: csat.n })} table={table}>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e7ee" vertical={false} />
          <XAxis dataKey="level" />
          <YAxis allowDecimals={false} width={40} />
          <Bar dataKey="count" fill={CHART_COLORS.primary} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
