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
  const invalid: InvalidParam[] = [];
  const data: Record<string, unknown> = {};

  for (const [key, value] of Object.entries(answers)) {
    if (!isSafeAnswerKey(key)) invalid.push({ name: key, reason: 'is not an allowed answer key' });
    else if (!answerable.has(key)) invalid.push({ name: key, reason: 'is not a question of this survey' });
    else if (!isEmptyAnswer(value)) data[key] = value;
  }
  dropHiddenAnswers(model, answerable, data);

  for (const [key, value] of Object.entries(data)) {
    const target = answerable.get(key) as Answerable;
    const reason = target.commentOf
      ? checkText(value, textLimit(target.question, textCap))
      : checkAnswerValue(target.question, value, textCap);
    if (reason) invalid.push({ name: key, reason });
  }
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

/** Removes answers to hidden questions until visibility settles, since one removal can hide another question. */
function dropHiddenAnswers(model: Model, answerable: Map<string, Answerable>, data: Record<string, unknown>): void {
  for (let round = 0; round <= answerable.size; round += 1) {
    model.data = { ...data };
    const hidden = Object.keys(data).filter((key) => {
      const { question } = answerable.get(key) as Answerable;
      return !isShown(question) && clearsWhenHidden(model, question);
    });
    if (!hidden.length) return;
    for (const key of hidden) delete data[key];
  }
  model.data = { ...data };
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
