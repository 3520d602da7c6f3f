import { percentText, shareText, withInterval } from '@shared/reports/report-format';
import type { ReportSections } from '@shared/reports/report.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { RowChart } from './RowChart';
import { SCALES, shareScale, type ChartRow } from './row-chart';

type Headline = ReportSections['headline'];
type ScoreMetric = 'csat' | 'nps' | 'ces';

/** A touchpoint's score on one metric with its interval (scale points, NPS points), null without data. */
function scoreOf(row: Headline[number], metric: ScoreMetric): { value: number; interval: readonly [number, number] | null } | null {
  if (metric === 'nps') return row.nps ? { value: row.nps.score, interval: row.nps.ci95 } : null;
  const score = row[metric];
  return score ? { value: score.mean, interval: score.meanCi95 } : null;
}

/** Rows of touchpoints that have the metric, each with its target on it (if any) and whether it was missed. */
export function scoreRows(headline: Headline, metric: ScoreMetric): ChartRow[] {
  return headline.flatMap((row) => {
    const score = scoreOf(row, metric);
    if (!score) return [];
    const target = row.targets.find((check) => check.metric === metric);
    return [{ label: row.name, value: score.value, interval: score.interval, target: target?.target ?? null, missed: target?.status === 'missed' }];
  });
}

const fixed = (digits: number) => (value: number) => value.toFixed(digits);

/** CSAT, NPS and CES per touchpoint against their targets, one chart per metric that has data. */
export function ScoreCharts({ rows }: { rows: Headline }) {
  const t = useT();
  const charts = (['csat', 'nps', 'ces'] as const).map((metric) => ({ metric, rows: scoreRows(rows, metric) })).filter((chart) => chart.rows.length > 0);
  return (
    <div className="report-charts">
      {charts.map(({ metric, rows: chartRows }) => {
        const digits = metric === 'nps' ? 1 : 2;
        return (
          <RowChart
            key={metric}
            caption={t('reports.chart.scores', { metric: t(`reports.${metric}`) })}
            rows={chartRows}
            scale={SCALES[metric]}
            kind="dot"
            format={fixed(0)}
            table={{
              headers: [t('reports.touchpoint'), t(`reports.${metric}`), t('reports.chart.target')],
              rows: chartRows.map((row) => [row.label, withInterval(row.value ?? 0, row.interval, digits), row.target === null || row.target === undefined ? '–' : `${row.target}${row.missed ? ` (${t('reports.target.missed')})` : ''}`]),
            }}
          />
        );
      })}
    </div>
  );
}

/** SLA attainment per touchpoint with cases, against an `sla-attainment` target where one is set. */
export function SlaChart({ rows, headline }: { rows: ReportSections['cases']; headline: Headline }) {
  const t = useT();
  const chartRows: ChartRow[] = rows.flatMap(({ touchpoint, name, cases }) => {
    if (!cases.slaAttainment) return [];
    const target = headline.find((row) => row.touchpoint === touchpoint)?.targets.find((check) => check.metric === 'sla-attainment');
    return [{ label: name, value: cases.slaAttainment.pct, target: target?.target ?? null, missed: target?.status === 'missed' }];
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
