import type { Question } from 'survey-core';
import { questionIssue } from './contract-issue';
import type { ContractIssue } from './contract-issue';
import type { SurveyElement } from './definition.schema';
import { KANO_ANSWERS, KANO_SIDES, METRIC_SCALES, SERVQUAL_DIMENSIONS, SERVQUAL_SIDES } from './metric-vocabulary';
import type { Metric, RatedMetric } from './metric-vocabulary';
import { describeValues, isIntegerScale, offeredValues } from './standalone-question';
import { METRICS_BY_QUESTION_TYPE } from './survey-properties';

export const METRIC_LABELS: Record<Metric, string> = {
  csat: 'CSAT',
  nps: 'NPS',
  ces: 'CES',
  servqual: 'SERVQUAL',
  kano: 'Kano',
  comment: 'comment',
};

const article = (metric: Metric) => (metric === 'nps' ? 'an' : 'a');
const QUESTION_TYPE_FOR_METRIC: Record<Metric, string> = {
  csat: 'rating',
  nps: 'rating',
  ces: 'rating',
  servqual: 'rating',
  kano: 'radiogroup',
  comment: 'comment or text',
};

/** Which Touchpoint properties belong to which metric; anything else on a question is a mistake. */
const PROPERTIES_OF_METRIC = {
  servqual: { dimension: SERVQUAL_DIMENSIONS, servqual: SERVQUAL_SIDES, item: null },
  kano: { feature: null, kano: KANO_SIDES },
} as const;
const PAIRING_PROPERTIES = ['dimension', 'servqual', 'item', 'feature', 'kano'] as const;

const TEXT_INPUT_TYPES = new Set([undefined, 'text']);

/** True when checking `question` needs survey-core's reading of its scale or choices. */
export function needsEngine(question: SurveyElement): boolean {
  const { metric, type } = question;
  return (metric !== undefined && metric in METRIC_SCALES && type === 'rating') || (metric === 'kano' && type === 'radiogroup');
}

/**
 * Checks one question's own metric rules: question type, scale, required and stray properties, Kano choices.
 * `loaded` is the question as survey-core reads it, needed whenever `needsEngine(question)`.
 */
export function checkMetricQuestion(question: SurveyElement, path: string, loaded?: Question): ContractIssue[] {
  const issue = (code: string, text: string, at = path) => questionIssue(question.name, at, code, text);
  const metric = question.metric;
  const owned: Record<string, readonly string[] | null> = metric && metric in PROPERTIES_OF_METRIC
    ? PROPERTIES_OF_METRIC[metric as keyof typeof PROPERTIES_OF_METRIC]
    : {};
  const issues: ContractIssue[] = [];

  for (const property of PAIRING_PROPERTIES) {
    if (question[property] !== undefined && !(property in owned)) {
      const owner = property === 'feature' || property === 'kano' ? 'Kano' : 'SERVQUAL';
      issues.push(issue('stray-property', `"${property}" only applies to ${owner} questions (metric is ${metric ?? 'not set'})`, `${path}.${property}`));
    }
  }
  if (!metric) return issues;

  const allowed: readonly string[] = (METRICS_BY_QUESTION_TYPE as Record<string, readonly string[]>)[question.type] ?? [];
  if (!allowed.includes(metric)) {
    issues.push(issue('metric-wrong-type', `${article(metric)} ${METRIC_LABELS[metric]} metric needs a ${QUESTION_TYPE_FOR_METRIC[metric]} question (found ${question.type})`, `${path}.metric`));
    return issues;
  }
  for (const [property, values] of Object.entries(owned)) {
    if (question[property] === undefined) {
      const hint = values ? ` (${values.join(', ')})` : '';
      issues.push(issue('missing-property', `${article(metric)} ${METRIC_LABELS[metric]} question needs "${property}"${hint}`));
    }
  }
  const values = loaded ? offeredValues(loaded) : [];
  if (metric in METRIC_SCALES) issues.push(...checkRatingScale(values, metric as RatedMetric, issue));
  if (metric === 'kano') issues.push(...checkKanoChoices(values, issue));
  if (metric === 'comment' && !TEXT_INPUT_TYPES.has(question.inputType as string | undefined)) {
    issues.push(issue('metric-wrong-type', `a comment metric needs free text, not inputType "${String(question.inputType)}"`, `${path}.inputType`));
  }
  return issues;
}

type IssueMaker = (code: string, text: string) => ContractIssue;

function checkRatingScale(values: unknown[], metric: RatedMetric, issue: IssueMaker): ContractIssue[] {
  const { min, max } = METRIC_SCALES[metric];
  if (isIntegerScale(values, min, max)) return [];
  const text = `${article(metric)} ${METRIC_LABELS[metric]} question must be a rating from ${min} to ${max} (found ${describeValues(values)})`;
  return [issue('wrong-scale', text)];
}

function checkKanoChoices(values: unknown[], issue: IssueMaker): ContractIssue[] {
  const missing = KANO_ANSWERS.filter((answer) => !values.includes(answer));
  const unexpected = values.filter((value) => !(KANO_ANSWERS as readonly unknown[]).includes(value));
  const duplicated = values.length !== new Set(values).size;
  if (!missing.length && !unexpected.length && !duplicated) return [];
  const details = [
    missing.length ? `missing ${missing.join(', ')}` : '',
    unexpected.length ? `unexpected ${describeValues(unexpected)}` : '',
    duplicated ? 'duplicated values' : '',
  ].filter(Boolean);
  return [issue('kano-choices', `a Kano question must offer exactly the choices ${KANO_ANSWERS.join(', ')} (${details.join('; ')})`)];
}
