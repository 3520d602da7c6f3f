import { Model, settings } from 'survey-core';
import type { Question } from 'survey-core';
import { checkAnswerValue, checkText, DEFAULT_MAX_TEXT_LENGTH, textLimit } from './answer-value-rules';
import { ANSWER_QUESTION_TYPES, isSafeQuestionName } from './definition-contract';
import type { SurveyDefinition } from './definition.schema';
import { isPlainObject } from './plain-object';
import { registerTouchpointProperties } from './survey-properties';

export { DEFAULT_MAX_TEXT_LENGTH } from './answer-value-rules';

export interface InvalidParam {
  /** Question name, or `answers` for a problem with the whole object. */
  name: string;
  reason: string;
}
export type AnswerValidationResult =
  | { ok: true; answers: Record<string, unknown> }
  | { ok: false; invalidParams: InvalidParam[] };

export interface AnswerValidationOptions {
  /** Cap on free text, applied on top of a question's own maxLength. */
  maxTextLength?: number;
  /** Skip required-answer checks, for saving a response that is still in progress. */
  partial?: boolean;
}

interface Answerable {
  question: Question;
  /** Set for `<name>-Comment` keys: the question the comment belongs to. */
  commentOf?: true;
}

/**
 * Checks `answers` against the exact definition they were given for, using survey-core's own engine for
 * visibility, required-ness, choices and validators so the respondent page and the API agree. Answers to
 * hidden questions are dropped, as SurveyJS does on completion; the cleaned answers are returned.
 */
export function validateAnswers(
  definition: SurveyDefinition,
  answers: unknown,
  options: AnswerValidationOptions = {},
): AnswerValidationResult {
  if (!isPlainObject(answers)) return fail([{ name: 'answers', reason: 'must be an object keyed by question name' }]);
  const textCap = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
  registerTouchpointProperties();
  const model = new Model(definition);
  const answerable = answerableKeys(model);
  const keys = Object.keys(answers);
  // Bounds the work and the error list a hostile submission can cause.
  if (keys.length > answerable.size) return fail([{ name: 'answers', reason: `has ${keys.length} keys; this survey takes at most ${answerable.size}` }]);
  const invalid: InvalidParam[] = [];
  const data: Record<string, unknown> = {};

  for (const [key, value] of Object.entries(answers)) {
    if (!isSafeAnswerKey(key)) invalid.push({ name: key, reason: 'is not an allowed answer key' });
    else if (!answerable.has(key)) invalid.push({ name: key, reason: 'is not a question of this survey' });
    else if (!isEmptyAnswer(value)) data[key] = value;
  }
  for (const [name, reason] of settleAnswers(model, answerable, data, textCap)) invalid.push({ name, reason });
  const rejected = new Set(invalid.map((param) => param.name));
  for (const question of answerQuestions(model)) {
    if (rejected.has(question.name) || !isShown(question)) continue;
    invalid.push(...engineErrors(question, options.partial ?? false));
  }
  return invalid.length ? fail(invalid) : { ok: true, answers: data };
}

function fail(invalidParams: InvalidParam[]): AnswerValidationResult {
  return { ok: false, invalidParams };
}

/** Keys become MongoDB field names and plain-object keys; refuse anything that could act as an operator or path. */
function isSafeAnswerKey(key: string): boolean {
  return !key.startsWith('$') && !key.includes('.') && !key.includes('\0') && key !== '__proto__';
}

function isEmptyAnswer(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function answerQuestions(model: Model): Question[] {
  const types: readonly string[] = ANSWER_QUESTION_TYPES;
  return model.getAllQuestions(false, false, false).filter((question) => types.includes(question.getType()));
}

function answerableKeys(model: Model): Map<string, Answerable> {
  const keys = new Map<string, Answerable>();
  for (const question of answerQuestions(model)) {
    if (!isSafeQuestionName(question.name)) continue;
    keys.set(question.name, { question });
    const select = question as Question & { hasOther?: boolean; getStoreOthersAsComment?: () => boolean };
    if (question.hasComment || (select.hasOther && select.getStoreOthersAsComment?.())) {
      keys.set(question.name + settings.commentSuffix, { question, commentOf: true });
    }
  }
  return keys;
}

function isShown(question: Question): boolean {
  return question.isVisible && question.isParentVisible;
}

/**
 * Brings `data` to a fixed point: answers to hidden questions are dropped (SurveyJS clears them on completion)
 * and values a question cannot produce are taken out with a reason, so neither sways the visibility, choices
 * or required-ness of other questions. Leaves `model` holding the settled data.
 */
function settleAnswers(
  model: Model,
  answerable: Map<string, Answerable>,
  data: Record<string, unknown>,
  textCap: number,
): Map<string, string> {
  const rejected = new Map<string, string>();
  for (let round = 0; round <= 2 * answerable.size; round += 1) {
    model.data = { ...data };
    const hidden = Object.keys(data).filter((key) => {
      const { question } = answerable.get(key) as Answerable;
      return !isShown(question) && clearsWhenHidden(model, question);
    });
    if (hidden.length) {
      for (const key of hidden) delete data[key];
      continue;
    }
    const problems = Object.entries(data).flatMap(([key, value]) => {
      const reason = valueProblem(answerable.get(key) as Answerable, value, textCap);
      return reason === null ? [] : [[key, reason] as const];
    });
    if (!problems.length) break;
    for (const [key, reason] of problems) {
      rejected.set(key, reason);
      delete data[key];
    }
  }
  model.data = { ...data };
  return rejected;
}

function valueProblem(target: Answerable, value: unknown, textCap: number): string | null {
  return target.commentOf
    ? checkText(value, textLimit(target.question, textCap))
    : checkAnswerValue(target.question, value, textCap);
}

function clearsWhenHidden(model: Model, question: Question): boolean {
  const own = question.clearIfInvisible;
  return (own && own !== 'default' ? own : model.clearInvisibleValues) !== 'none';
}

/** Required answers and the definition's validators, as survey-core reports them when a respondent completes. */
function engineErrors(question: Question, partial: boolean): InvalidParam[] {
  question.validate(true);
  return question.errors
    .filter((error) => !(partial && error.getErrorType() === 'required'))
    .map((error) => ({
      name: question.name,
      reason: error.getErrorType() === 'required' ? 'an answer is required' : error.getText(),
    }));
}
