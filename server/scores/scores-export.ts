import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { TREND_METRICS, type ScoresExportQuery, type TouchpointScores } from '@shared/scoring/metrics.schema';
import { SurveyModel } from '../surveys/survey.model';
import { NotFound } from '../lib/errors';
import { metricsTrend, touchpointMetrics } from './metrics.service';

type Cell = number | string | null;
type Interval = [number, number] | null | undefined;

const lo = (interval: Interval): Cell => interval?.[0] ?? null;
const hi = (interval: Interval): Cell => interval?.[1] ?? null;

/** Columns of the scores sheet and how each is read from a touchpoint's scores (the metrics API's numbers). */
const SCORE_COLUMNS: { header: string; width?: number; value: (scores: TouchpointScores) => Cell }[] = [
  { header: 'touchpoint', width: 20, value: (s) => s.touchpoint },
  { header: 'n', value: (s) => s.n },
  { header: 'csat n', value: (s) => s.csat?.n ?? null },
  { header: 'csat mean', value: (s) => s.csat?.mean ?? null },
  { header: 'csat mean ci95 low', value: (s) => lo(s.csat?.meanCi95) },
  { header: 'csat mean ci95 high', value: (s) => hi(s.csat?.meanCi95) },
  { header: 'csat satisfied %', value: (s) => s.csat?.satisfiedPct ?? null },
  { header: 'csat satisfied ci95 low', value: (s) => lo(s.csat?.ci95) },
  { header: 'csat satisfied ci95 high', value: (s) => hi(s.csat?.ci95) },
  { header: 'nps n', value: (s) => s.nps?.n ?? null },
  { header: 'nps', value: (s) => s.nps?.score ?? null },
  { header: 'nps ci95 low', value: (s) => lo(s.nps?.ci95) },
  { header: 'nps ci95 high', value: (s) => hi(s.nps?.ci95) },
  { header: 'ces n', value: (s) => s.ces?.n ?? null },
  { header: 'ces mean', value: (s) => s.ces?.mean ?? null },
  { header: 'ces mean ci95 low', value: (s) => lo(s.ces?.meanCi95) },
  { header: 'ces mean ci95 high', value: (s) => hi(s.ces?.meanCi95) },
  { header: 'servqual n', value: (s) => s.servqual?.n ?? null },
  { header: 'servqual gap', value: (s) => s.servqual?.gap ?? null },
  { header: 'servqual gap ci95 low', value: (s) => lo(s.servqual?.gapCi95) },
  { header: 'servqual gap ci95 high', value: (s) => hi(s.servqual?.gapCi95) },
  { header: 'index', value: (s) => s.index },
  { header: 'sample', value: (s) => s.sample },
];

/** Header of the trend sheet: one row per period and metric, the same fields as GET /api/metrics/trend. */
const TREND_HEADER = ['period', 'metric', 'n', 'value', 'ci95 low', 'ci95 high', 'sample'];

/**
 * Streams a survey's scores as XLSX: a "Scores" sheet, one row per touchpoint with n and 95% intervals
 * (the rows of GET /api/metrics/touchpoints), and a "Trend" sheet, every metric per period (the points
 * of GET /api/metrics/trend). Both are computed by the metrics service, so the file and the API agree.
 */
export async function streamScoresXlsx(query: ScoresExportQuery, res: Response): Promise<void> {
  const survey = await SurveyModel.findById(query.survey, { slug: 1 }).lean();
  if (!survey) throw new NotFound(`There is no survey ${query.survey}.`);
  const { interval, ...metricsQuery } = query;
  const [metrics, ...trends] = await Promise.all([
    touchpointMetrics(metricsQuery),
    ...TREND_METRICS.map((metric) => metricsTrend({ ...metricsQuery, metric, interval })),
  ]);

  const period = [query.from, query.to].filter(Boolean).join('_to_');
  res.status(200);
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Disposition', `attachment; filename="scores-${survey.slug}${period ? `-${period}` : ''}.xlsx"`);
  res.setHeader('Cache-Control', 'no-store');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });

  const scores = workbook.addWorksheet('Scores', { views: [{ state: 'frozen', ySplit: 1 }] });
  scores.columns = SCORE_COLUMNS.map((column, i) => ({ header: column.header, key: String(i), width: column.width ?? 12 }));
  for (const touchpoint of metrics.touchpoints) scores.addRow(SCORE_COLUMNS.map((column) => column.value(touchpoint))).commit();
  scores.commit();

  const trend = workbook.addWorksheet('Trend', { views: [{ state: 'frozen', ySplit: 1 }] });
  trend.columns = TREND_HEADER.map((header, i) => ({ header, key: String(i), width: i < 2 ? 14 : 10 }));
  for (const series of trends) {
    for (const point of series.points) {
      trend.addRow([point.period, series.metric, point.n, point.value, lo(point.ci95), hi(point.ci95), point.sample]).commit();
    }
  }
  trend.commit();
  await workbook.commit();
}
