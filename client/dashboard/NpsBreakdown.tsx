import { Bar, BarChart, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { TouchpointScores } from '@shared/scoring/metrics.schema';
import { useT } from '../i18n/i18n-context';
import { CHART_COLORS, ChartFigure } from './ChartFigure';
import type { ScoreText } from './score-text';

/** Promoters, passives and detractors: counts and shares, drawn and in a table. */
export function NpsBreakdown({ nps, text }: { nps: NonNullable<TouchpointScores['nps']>; text: ScoreText }) {
  const t = useT();
  const groups = [
    { label: t('dashboard.nps.promoters'), count: nps.promoters, color: CHART_COLORS.promoter },
    { label: t('dashboard.nps.passives'), count: nps.passives, color: CHART_COLORS.passive },
    { label: t('dashboard.nps.detractors'), count: nps.detractors, color: CHART_COLORS.detractor },
  ];
  const share = (count: number) => (nps.n > 0 ? text.percent((100 * count) / nps.n) : '—');
  const table = {
    headers: [t('dashboard.nps.heading'), t('dashboard.csat.count'), t('dashboard.nps.shareHeader')],
    rows: groups.map((group) => [group.label, group.count, share(group.count)]),
  };
  return (
    <ChartFigure caption={t('dashboard.nps.caption', { n: nps.n })} table={table} showTable>
      <ResponsiveContainer width="100%" height={140}>
        <BarChart data={groups} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 12 }} />
          <Bar dataKey="count" isAnimationActive={false}>
            {groups.map((group) => (
              <Cell key={group.label} fill={group.color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
