import { metricQuestions } from '../survey-definition/metric-questions';
import { METRIC_SCALES, kanoAnswerSchema } from '../survey-definition/metric-vocabulary';
import type { KanoAnswer, RatedMetric, ServqualDimension } from '../survey-definition/metric-vocabulary';
import type { SurveyDefinitionJson } from '../survey-definition/walk-questions';

export interface ServqualItemAnswer {
  item: string;
  dimension: ServqualDimension;
  expectation?: number;
  perception?: number;
}

export interface KanoFeatureAnswer {
  feature: string;
  functional?: KanoAnswer;
  dysfunctional?: KanoAnswer;
}

/** One response's answers to metric questions, in page order; nothing is averaged yet. */
export interface MetricAnswers {
  csat: number[];
  nps: number[];
  ces: number[];
  servqual: ServqualItemAnswer[];
  kano: KanoFeatureAnswer[];
}

/** An integer on the metric's scale, or undefined. Ratings may arrive as canonical integer strings ("4"). */
function ratingOn(metric: RatedMetric, value: unknown): number | undefined {
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) return undefined;
  const { min, max } = METRIC_SCALES[metric];
  return number >= min && number <= max ? number : undefined;
}

/**
 * Reads the metric questions of `definition` (see metricQuestions) from one response's `answers`,
 * which are keyed by question name (the definition contract rules out `valueName`).
 * Defensive: unknown metrics, missing properties, non-integer or out-of-scale ratings and unknown Kano
 * values are skipped, as is a SERVQUAL item whose two questions disagree on the dimension (it cannot be
 * placed). When a SERVQUAL item or Kano feature side is asked twice, the first answer in page order wins.
 * Questions inside dynamic panels are not read: their values are per-panel arrays, not one answer.
 */
export function extractMetricAnswers(definition: SurveyDefinitionJson, answers: Record<string, unknown>): MetricAnswers {
  const result: MetricAnswers = { csat: [], nps: [], ces: [], servqual: [], kano: [] };
  const items = new Map<string, ServqualItemAnswer | null>();
  const features = new Map<string, KanoFeatureAnswer>();

  for (const question of metricQuestions(definition)) {
    const value = Object.hasOwn(answers, question.name) ? answers[question.name] : undefined;
    if (value === undefined || value === null) continue;

    switch (question.metric) {
      case 'csat':
      case 'nps':
      case 'ces': {
        const rating = ratingOn(question.metric, value);
        if (rating !== undefined) result[question.metric].push(rating);
        break;
      }
      case 'servqual': {
        const { item, dimension, side } = question;
        const rating = ratingOn('servqual', value);
        if (!item || !dimension || !side || rating === undefined) break;
        const known = items.get(item);
        if (known === null) break; // dimension conflict seen earlier
        if (known === undefined) {
          items.set(item, { item, dimension, [side]: rating });
        } else if (known.dimension !== dimension) {
          items.set(item, null);
        } else {
          known[side] ??= rating;
        }
        break;
      }
      case 'kano': {
        const { feature, kanoSide } = question;
        const answer = kanoAnswerSchema.safeParse(value);
        if (!feature || !kanoSide || !answer.success) break;
        const known = features.get(feature);
        if (known === undefined) features.set(feature, { feature, [kanoSide]: answer.data });
        else known[kanoSide] ??= answer.data;
        break;
      }
      case 'comment':
        break;
    }
  }

  for (const item of items.values()) if (item !== null) result.servqual.push(item);
  result.kano = [...features.values()];
  return result;
}
