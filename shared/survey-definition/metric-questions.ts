import { kanoSideSchema, metricSchema, servqualDimensionSchema, servqualSideSchema } from './metric-vocabulary';
import type { KanoSide, Metric, ServqualDimension, ServqualSide } from './metric-vocabulary';
import { allQuestions } from './walk-questions';
import type { SurveyDefinitionJson } from './walk-questions';

/** What scoring and the builder need to know about a question that carries a metric. */
export interface MetricQuestion {
  name: string;
  metric: Metric;
  /** SERVQUAL only. */
  dimension?: ServqualDimension;
  /** SERVQUAL only: expectation or perception. */
  side?: ServqualSide;
  /** SERVQUAL only: pairs the expectation and perception question of one statement. */
  item?: string;
  /** Kano only: pairs the functional and dysfunctional question of one feature. */
  feature?: string;
  /** Kano only. */
  kanoSide?: KanoSide;
}

/** Questions carrying a metric, in page order; values that are not valid vocabulary are left out. */
export function metricQuestions(definition: SurveyDefinitionJson): MetricQuestion[] {
  const out: MetricQuestion[] = [];
  for (const question of allQuestions(definition)) {
    const metric = metricSchema.safeParse(question.metric);
    if (!metric.success || typeof question.name !== 'string') continue;
    const descriptor: MetricQuestion = { name: question.name, metric: metric.data };
    if (metric.data === 'servqual') {
      const dimension = servqualDimensionSchema.safeParse(question.dimension);
      const side = servqualSideSchema.safeParse(question.servqual);
      if (dimension.success) descriptor.dimension = dimension.data;
      if (side.success) descriptor.side = side.data;
      if (typeof question.item === 'string') descriptor.item = question.item;
    }
    if (metric.data === 'kano') {
      const kanoSide = kanoSideSchema.safeParse(question.kano);
      if (kanoSide.success) descriptor.kanoSide = kanoSide.data;
      if (typeof question.feature === 'string') descriptor.feature = question.feature;
    }
    out.push(descriptor);
  }
  return out;
}
