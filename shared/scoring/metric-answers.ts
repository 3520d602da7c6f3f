import {
  METRIC_SCALES,
  kanoAnswerSchema,
  kanoSideSchema,
  metricSchema,
  servqualDimensionSchema,
  servqualSideSchema,
} from '../survey/metric-vocabulary';
import type { KanoAnswer, RatedMetric, ServqualDimension } from '../survey/metric-vocabulary';
import { allQuestions } from '../survey/walk-questions';
import type { SurveyDefinitionJson, SurveyElementJson } from '../survey/walk-questions';

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

/** A non-empty id property (`item`, `feature`); numbers are accepted as their string form. */
function idProperty(question: SurveyElementJson, property: string): string | undefined {
  const value = question[property];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** SurveyJS stores a question's value under `valueName` when set, else under `name`. */
function answerOf(question: SurveyElementJson, answers: Record<string, unknown>): unknown {
  const key = typeof question.valueName === 'string' && question.valueName !== '' ? question.valueName : question.name;
  return Object.hasOwn(answers, key) ? answers[key] : undefined;
}

/**
 * Reads the metric questions of `definition` from one response's `answers`.
 * Defensive: unknown metrics, missing properties, non-integer or out-of-scale ratings and unknown Kano
 * values are skipped, as is a SERVQUAL item whose two questions disagree on the dimension (it cannot be
 * placed). When a SERVQUAL item or Kano feature side is asked twice, the first answer in page order wins.
 * Questions inside dynamic panels are not read: their values are per-panel arrays, not one answer.
 */
export function extractMetricAnswers(definition: SurveyDefinitionJson, answers: Record<string, unknown>): MetricAnswers {
  const result: MetricAnswers = { csat: [], nps: [], ces: [], servqual: [], kano: [] };
  const items = new Map<string, ServqualItemAnswer | null>();
  const features = new Map<string, KanoFeatureAnswer>();

  for (const question of allQuestions(definition)) {
    const metric = metricSchema.safeParse(question.metric);
    if (!metric.success) continue;
    const value = answerOf(question, answers);
    if (value === undefined || value === null) continue;

    switch (metric.data) {
      case 'csat':
      case 'nps':
      case 'ces': {
        const rating = ratingOn(metric.data, value);
        if (rating !== undefined) result[metric.data].push(rating);
        break;
      }
      case 'servqual': {
        const item = idProperty(question, 'item');
        const dimension = servqualDimensionSchema.safeParse(question.dimension);
        const side = servqualSideSchema.safeParse(question.servqual);
        const rating = ratingOn('servqual', value);
        if (item === undefined || !dimension.success || !side.success || rating === undefined) break;
        const known = items.get(item);
        if (known === null) break; // dimension conflict seen earlier
        if (known === undefined) {
          items.set(item, { item, dimension: dimension.data, [side.data]: rating });
        } else if (known.dimension !== dimension.data) {
          items.set(item, null);
        } else {
          known[side.data] ??= rating;
        }
        break;
      }
      case 'kano': {
        const feature = idProperty(question, 'feature');
        const side = kanoSideSchema.safeParse(question.kano);
        const answer = kanoAnswerSchema.safeParse(value);
        if (feature === undefined || !side.success || !answer.success) break;
        const known = features.get(feature);
        if (known === undefined) features.set(feature, { feature, [side.data]: answer.data });
        else known[side.data] ??= answer.data;
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
