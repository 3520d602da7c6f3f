import { percentText, scoreOf, SCORE_METRICS, shareText, withInterval, type ScoreMetric } from '@shared/reports/report-format';
import type { ReportSections } from '@shared/reports/report.schema';
import type { TargetCheck, TargetMetric } from '@shared/scoring/target.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { RowChart } from './RowChart';
import { SCALES, shareScale, type ChartRow } from './row-chart';

type Headline = ReportSections['headline'];

/** The target set on `metric` (its tick on the chart), and whether it was missed (the value drawn red). */
function targetOn(targets: readonly TargetCheck[] | undefined, metric: TargetMetric): Pick<ChartRow, 'target' | 'missed'> {
  const check = targets?.find((c) => c.metric === metric);
  return { target: check?.target ?? null, missed: check?.status === 'missed' };
}

/**
 * Rows of touchpoints that have the metric, each with its target on it (if any), whether it was missed,
 * and the score as the report writes it (for the chart's table).
 */
export function scoreRows(headline: Headline, metric: ScoreMetric): Array<ChartRow & { text: string }> {
  return headline.flatMap((row) => {
    const score = scoreOf(row, metric);
    if (!score) return [];
    return [{ label: row.name, value: score.value, interval: score.interval, text: withInterval(score.value, score.interval, score.digits), ...targetOn(row.targets, metric) }];
  });
}

/** CSAT, NPS and CES per touchpoint against their targets, one chart per metric that has data. */
export function ScoreCharts({ rows }: { rows: Headline }) {
  const t = useT();
  const charts = SCORE_METRICS.map((metric) => ({ metric, rows: scoreRows(rows, metric) })).filter((chart) => chart.rows.length > 0);
  return (
    <div className="report-charts">
      {charts.map(({ metric, rows: chartRows }) => (
        <RowChart
          key={metric}
          caption={t('reports.chart.scores', { metric: t(`reports.${metric}`) })}
          rows={chartRows}
          scale={SCALES[metric]}
          kind="dot"
          format={String}
          table={{
            headers: [t('reports.touchpoint'), t(`reports.${metric}`), t('reports.chart.target')],
            rows: chartRows.map((row) => [row.label, row.text, row.target === null || row.target === undefined ? '–' : `${row.target}${row.missed ? ` (${t('reports.target.missed')})` : ''}`]),
          }}
        />
      ))}
    </div>
  );
}

/** SLA attainment per touchpoint with cases, against an `sla-attainment` target where one is set. */
export function SlaChart({ rows, headline }: { rows: ReportSections['cases']; headline: Headline }) {
  const t = useT();
  const chartRows: ChartRow[] = rows.flatMap(({ touchpoint, name, cases }) => {
    if (!cases.slaAttainment) return [];
    return [{ label: name, value: cases.slaAttainment.pct, ...targetOn(headline.find((row) => row.touchpoint === touchpoint)?.targets, 'sla-attainment') }];
  });
  if (chartRows.length === 0) return null;
  return (
    <RowChart
      caption={t('reports.chart.sla')}
      rows={chartRows}
      scale={SCALES.percent}
      kind="bar"
      format={(value) => `${value}%`}
      table={{ headers: [t('reports.touchpoint'), t('reports.sla'), t('reports.chart.target')], rows: chartRows.map((row) => [row.label, percentText({ pct: row.value ?? 0 }), row.target === null || row.target === undefined ? '–' : `${row.target}%`]) }}
    />
  );
}

/** Each top theme's share of the commented responses, this period against the previous one. */
export function ThemesChart({ themes }: { themes: ReportSections['themes'] }) {
  const t = useT();
  const { locale } = useLocale();
  if (themes.length === 0) return null;
  const chartRows: ChartRow[] = themes.map((theme) => ({ label: theme.name[locale], value: theme.share * 100, previous: theme.previous.share * 100 }));
  return (
    <RowChart
      caption={t('reports.chart.themes')}
      rows={chartRows}
      scale={shareScale(Math.max(...chartRows.flatMap((row) => [row.value ?? 0, row.previous ?? 0])))}
      kind="bar"
      format={(value) => `${value}%`}
      table={{ headers: [t('reports.chart.theme'), t('reports.chart.share'), t('reports.chart.previousShare')], rows: themes.map((theme) => [theme.name[locale], shareText(theme.share), shareText(theme.previous.share)]) }}
    />
  );
}
