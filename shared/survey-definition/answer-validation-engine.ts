import { Model, settings } from 'survey-core';
import type { Question } from 'survey-core';
import { fail } from './answer-validation-types';
import type { AnswerValidationResult, InvalidParam } from './answer-validation-types';
import { checkAnswerValue, checkText, textLimit } from './answer-value-rules';
import { ANSWER_QUESTION_TYPES, isSafeQuestionName } from './definition-contract';
import type { SurveyDefinition } from './definition.schema';
import { registerTouchpointProperties } from './survey-properties';
import { routeRegexValidators } from './validator-regexp';

export interface Answerable {
  question: Question;
  /** Set for `<name>-Comment` keys: the question the comment belongs to. */
  commentOf?: true;
}

/** An engine error before the `partial` filter: required-ness is kept apart because partial responses skip it. */
export interface EngineError {
  required: boolean;
  reason: string;
}

/** survey-core's own (protected) access to a question's stored value, which its public setters treat as an array. */
interface ValueProperty {
  getPropertyValueWithoutDefault(name: string): unknown;
  clearPropertyValue(name: string): void;
}

/** Answers that passed the key checks, and the keys that did not. */
export interface ScreenedAnswers {
  data: Record<string, unknown>;
  invalid: InvalidParam[];
}

/**
 * One survey-core model of a definition and the answer keys it takes. `validate` runs the full check against the
 * model; each call starts by assigning `model.data`, which replaces every value and comment and re-runs every
 * condition, so for definitions `reuseIsSafe` accepts a call leaves nothing behind that the next one could see.
 */
export class AnswerEngine {
  readonly model: Model;
  readonly questions: Question[];
  readonly answerable: Map<string, Answerable>;

  constructor(definition: SurveyDefinition) {
    registerTouchpointProperties();
    this.model = new Model(definition);
    routeRegexValidators(this.model);
    this.questions = answerQuestions(this.model);
    this.answerable = answerableKeys(this.questions);
  }

  /**
   * Checks answers against the model, as SurveyJS would on completion: answers to hidden questions are dropped,
   * values a question cannot produce are refused, then required answers and the definition's validators run.
   */
  validate(answers: Record<string, unknown>, textCap: number, partial: boolean): AnswerValidationResult {
    const screened = screenAnswers(this.answerable, answers);
    if (!('data' in screened)) return screened;
    const { data, invalid } = screened;
    this.reset();
    for (const [name, reason] of this.settleAnswers(data, textCap)) invalid.push({ name, reason });
    const rejected = new Set(invalid.map((param) => param.name));
    for (const question of this.questions) {
      if (rejected.has(question.name) || !isShown(question)) continue;
      invalid.push(...toInvalidParams(question.name, engineErrors(question), partial));
    }
    return invalid.length ? fail(invalid) : { ok: true, answers: data };
  }

  /**
   * Returns the questions to the state of a new model before data is assigned. Values and comments need nothing:
   * assigning `model.data` replaces them and re-runs every condition. But survey-core empties an array value in
   * place rather than dropping it, so a question that once held an array (a checkbox answer, or an array sent to
   * a rating) would keep `[]` where a new model has no value, and conditions such as `{q} <= 2` read that `[]`.
   * Errors are recomputed before they are read; clearing them keeps survey-core from re-validating stale ones.
   */
  reset(): void {
    for (const question of this.questions) {
      const properties = question as unknown as ValueProperty;
      if (Array.isArray(properties.getPropertyValueWithoutDefault('value'))) properties.clearPropertyValue('value');
      if (question.errors.length) question.errors = [];
    }
  }

  /**
   * Brings `data` to a fixed point: answers to hidden questions are dropped (SurveyJS clears them on completion)
   * and values a question cannot produce are taken out with a reason, so neither sways the visibility, choices
   * or required-ness of other questions. Leaves the model holding the settled data.
   */
  private settleAnswers(data: Record<string, unknown>, textCap: number): Map<string, string> {
    const rejected = new Map<string, string>();
    for (let round = 0; round <= 2 * this.answerable.size; round += 1) {
      this.model.data = { ...data };
      const hidden = Object.keys(data).filter((key) => {
        const { question } = this.answerable.get(key) as Answerable;
        return !isShown(question) && clearsWhenHidden(this.model, question);
      });
      if (hidden.length) {
        for (const key of hidden) delete data[key];
        continue;
      }
      const problems = Object.entries(data).flatMap(([key, value]) => {
        const reason = valueProblem(this.answerable.get(key) as Answerable, value, textCap);
        return reason === null ? [] : [[key, reason] as const];
      });
      // The model already holds exactly `data`; assigning it again would change nothing.
      if (!problems.length) return rejected;
      for (const [key, reason] of problems) {
        rejected.set(key, reason);
        delete data[key];
      }
    }
    this.model.data = { ...data };
    return rejected;
  }
}

/**
 * Key checks that need no model: the key budget, unsafe keys, keys the survey does not take. Empty answers are
 * left out of `data`. Returns a failed result outright when the object has more keys than the survey takes.
 */
export function screenAnswers(
  answerable: Map<string, Answerable>,
  answers: Record<string, unknown>,
): ScreenedAnswers | AnswerValidationResult {
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
  return { data, invalid };
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

function answerableKeys(questions: Question[]): Map<string, Answerable> {
  const keys = new Map<string, Answerable>();
  for (const question of questions) {
    if (!isSafeQuestionName(question.name)) continue;
    keys.set(question.name, { question });
    const select = question as Question & { hasOther?: boolean; getStoreOthersAsComment?: () => boolean };
    if (question.hasComment || (select.hasOther && select.getStoreOthersAsComment?.())) {
      keys.set(question.name + settings.commentSuffix, { question, commentOf: true });
    }
  }
  return keys;
}

export function isShown(question: Question): boolean {
  return question.isVisible && question.isParentVisible;
}

export function clearsWhenHidden(model: Model, question: Question): boolean {
  const own = question.clearIfInvisible;
  return (own && own !== 'default' ? own : model.clearInvisibleValues) !== 'none';
}

export function valueProblem(target: Answerable, value: unknown, textCap: number): string | null {
  return target.commentOf
    ? checkText(value, textLimit(target.question, textCap))
    : checkAnswerValue(target.question, value, textCap);
}

/** Required answers and the definition's validators, as survey-core reports them when a respondent completes. */
export function engineErrors(question: Question): EngineError[] {
  question.validate(true);
  return question.errors.map((error) => {
    const required = error.getErrorType() === 'required';
    return { required, reason: required ? 'an answer is required' : error.getText() };
  });
}

export function toInvalidParams(name: string, errors: readonly EngineError[], partial: boolean): InvalidParam[] {
  return errors.filter((error) => !(partial && error.required)).map((error) => ({ name, reason: error.reason }));
}
