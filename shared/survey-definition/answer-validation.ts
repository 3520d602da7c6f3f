import { AnswerEngine } from './answer-validation-engine';
import { IdentityCache } from './answer-validation-cache';
import { MemoAnswerValidator } from './answer-validation-memo';
import { reuseLevel } from './answer-validation-reuse';
import { fail, NOT_AN_OBJECT } from './answer-validation-types';
import type { AnswerValidationOptions, AnswerValidationResult } from './answer-validation-types';
import { DEFAULT_MAX_TEXT_LENGTH } from './answer-value-rules';
import type { SurveyDefinition } from './definition.schema';
import { isPlainObject } from './plain-object';

export { DEFAULT_MAX_TEXT_LENGTH } from './answer-value-rules';
export type { AnswerValidationOptions, AnswerValidationResult, InvalidParam } from './answer-validation-types';

/** Checks one response against the definition it was compiled for. */
export type AnswerValidator = (answers: unknown, options?: { partial?: boolean }) => AnswerValidationResult;

interface CompiledSurvey {
  validate(answers: Record<string, unknown>, textCap: number, partial: boolean): AnswerValidationResult;
}

/** Enough for every survey version being answered at once on one server, small enough to bound the models kept. */
const COMPILED_SURVEYS = 64;
const compiled = new IdentityCache<SurveyDefinition, CompiledSurvey>(COMPILED_SURVEYS);

/**
 * Checks `answers` against the exact definition they were given for, using survey-core's own engine for
 * visibility, required-ness, choices and validators so the respondent page and the API agree. Answers to
 * hidden questions are dropped, as SurveyJS does on completion; the cleaned answers are returned.
 *
 * The work of reading a definition is kept per definition object, so the definition must not be changed
 * after it is first used here (published versions never are); pass a new object for a new definition.
 */
export function validateAnswers(
  definition: SurveyDefinition,
  answers: unknown,
  options: AnswerValidationOptions = {},
): AnswerValidationResult {
  return compileAnswerValidator(definition, options)(answers, options);
}

/**
 * `validateAnswers` bound to one definition and text cap, for callers that validate many responses to it.
 * Shares its compiled form with `validateAnswers`, under the same rule: do not change `definition` afterwards.
 */
export function compileAnswerValidator(
  definition: SurveyDefinition,
  options: Pick<AnswerValidationOptions, 'maxTextLength'> = {},
): AnswerValidator {
  const survey = compiled.get(definition, compileSurvey);
  const textCap = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
  return (answers, callOptions = {}) =>
    isPlainObject(answers) ? survey.validate(answers, textCap, callOptions.partial ?? false) : fail([NOT_AN_OBJECT]);
}

/** The reference path: a new survey-core model for this one call, sharing nothing with any other call. */
export function validateAnswersWithFreshModel(
  definition: SurveyDefinition,
  answers: unknown,
  options: AnswerValidationOptions = {},
): AnswerValidationResult {
  if (!isPlainObject(answers)) return fail([NOT_AN_OBJECT]);
  const textCap = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
  return new AnswerEngine(definition).validate(answers, textCap, options.partial ?? false);
}

function compileSurvey(definition: SurveyDefinition): CompiledSurvey {
  switch (reuseLevel(definition)) {
    case 'fresh':
      return { validate: (answers, textCap, partial) => new AnswerEngine(definition).validate(answers, textCap, partial) };
    case 'reuse':
      return new AnswerEngine(definition);
    case 'memo':
      return new MemoAnswerValidator(new AnswerEngine(definition));
  }
}
