import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { TouchpointScores } from '@shared/scoring/metrics.schema';
import { SERVQUAL_DIMENSIONS } from '@shared/survey-definition/metric-vocabulary';
import { useT } from '../i18n/i18n-context';
import { CHART_COLORS, ChartFigure } from './ChartFigure';
import type { ScoreText } from './score-text';

/** Expectation next to perception for each SERVQUAL dimension answered, with the gap in the table. */
export function ServqualChart({ servqual, text }: { servqual: NonNullable<TouchpointScores['servqual']>; text: ScoreText }) {
  const t = useT();
  const expectation = t('builder.side.expectation');
  const perception = t('builder.side.perception');
  const rows = SERVQUAL_DIMENSIONS.flatMap((dimension) => {
    const means = servqual.dimensions[dimension];
    return means ? [{ name: t(`builder.dimension.${dimension}`), ...means }] : [];
  });
  const data = rows.map((row) => ({ name: row.name, [expectation]: row.expectation, [perception]: row.perception }));
  const table = {
    headers: [t('dashboard.servqual.dimension'), expectation, perception, t('dashboard.servqual.gap'), t('dashboard.table.n')],
    rows: [
      ...rows.map((row) => [row.name, text.number(row.expectation, 2), text.number(row.perception, 2), text.number(row.gap, 2), row.n]),
      [t('dashboard.servqual.overall'), text.number(servqual.expectation, 2), text.number(servqual.perception, 2), text.number(servqual.gap, 2), servqual.n],
    ],
  };
  return (
    <ChartFigure caption={t('dashboard.servqual.caption', { n: servqual.n })} table={table} showTable>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e3e7ee" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis domain={[1, 7]} ticks={[1, 2, 3, 4, 5, 6, 7]} width={32} />
          <Legend />
          <Bar dataKey={expectation} fill={CHART_COLORS.expectation} isAnimationActive={false} />
          <Bar dataKey={perception} fill={CHART_COLORS.perception} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
