import { extractMetricAnswers } from '../scoring/metric-answers';
import { responseStats } from '../scoring/response-stats';
import { VALUE_SCALE } from '../scoring/rollup-stats';
import type { SurveyDefinitionJson } from '../survey-definition/walk-questions';
import type { ResponseMetrics } from './response-list.schema';

/**
 * One response's respondent-level metric values, computed by the same scoring code the rollups use:
 * CSAT and CES are the mean of the respondent's answers, NPS the first NPS answer, SERVQUAL the overall
 * gap P − E. Stored on the response so staff can filter by them; metrics not asked are absent.
 */
export function responseMetrics(definition: SurveyDefinitionJson, answers: Record<string, unknown>): ResponseMetrics {
  const extracted = extractMetricAnswers(definition, answers);
  const stats = responseStats(extracted);
  const metrics: ResponseMetrics = {};
  if (stats.csat.n > 0) metrics.csat = stats.csat.sum / VALUE_SCALE;
  if (extracted.nps[0] !== undefined) metrics.nps = extracted.nps[0];
  if (stats.ces.n > 0) metrics.ces = stats.ces.sum / VALUE_SCALE;
  if (stats.servqual.overall.n > 0) metrics.servqualGap = stats.servqual.overall.sumGap / VALUE_SCALE;
  return metrics;
}
