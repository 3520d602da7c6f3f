import type { Question } from 'survey-core';
import { describeValues, offeredValues } from './standalone-question';

/** Limit for free text when the question sets no smaller `maxLength`. */
export const DEFAULT_MAX_TEXT_LENGTH = 5000;

const NUMERIC_INPUT_TYPES = new Set(['number', 'range']);

interface SelectQuestion extends Question {
  hasOther: boolean;
  getStoreOthersAsComment(): boolean;
}
interface BooleanQuestion extends Question {
  getValueTrue(): unknown;
  getValueFalse(): unknown;
}

/** Longest text `question` accepts: its own (or the survey's) maxLength, never more than `cap`. */
export function textLimit(question: Question, cap: number): number {
  const own = (question as { getMaxLength?: () => unknown }).getMaxLength?.();
  return typeof own === 'number' && own > 0 ? Math.min(own, cap) : cap;
}

export function checkText(value: unknown, limit: number): string | null {
  if (typeof value !== 'string') return 'must be text';
  return value.length > limit ? `must be at most ${limit} characters` : null;
}

/**
 * Why `value` is not an answer `question` can produce, or null when it is. Offered values come from
 * survey-core with the respondent's data loaded, so choicesVisibleIf and choicesFromQuestion agree with the page.
 */
export function checkAnswerValue(question: Question, value: unknown, textCap: number): string | null {
  switch (question.getType()) {
    case 'rating':
      return checkOffered(offeredValues(question), value);
    case 'radiogroup':
    case 'dropdown':
      return isOtherText(question, value, textCap) ? null : checkOffered(offeredValues(question), value);
    case 'checkbox':
    case 'tagbox':
      return checkSelection(question, value, textCap);
    case 'boolean': {
      const { getValueTrue, getValueFalse } = question as BooleanQuestion;
      const allowed = [getValueTrue.call(question), getValueFalse.call(question)];
      return allowed.includes(value) ? null : `must be ${describeValues(allowed).replace(', ', ' or ')}`;
    }
    case 'text':
      if (NUMERIC_INPUT_TYPES.has(String(question.inputType))) {
        return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
      }
      return checkText(value, textLimit(question, textCap));
    case 'comment':
      return checkText(value, textLimit(question, textCap));
    default:
      return 'does not take an answer';
  }
}

function checkOffered(offered: unknown[], value: unknown): string | null {
  return offered.includes(value) ? null : `must be one of ${describeValues(offered)}`;
}

/** With storeOthersAsComment off, SurveyJS stores the "Other" text in place of the choice value. */
function isOtherText(question: Question, value: unknown, textCap: number): boolean {
  const select = question as SelectQuestion;
  return (
    select.hasOther &&
    !select.getStoreOthersAsComment() &&
    !offeredValues(question).includes(value) &&
    checkText(value, textLimit(question, textCap)) === null
  );
}

function checkSelection(question: Question, value: unknown, textCap: number): string | null {
  if (!Array.isArray(value)) return 'must be a list of choices';
  if (new Set(value).size !== value.length) return 'must not repeat a choice';
  const offered = offeredValues(question);
  const foreign = value.filter((item) => !offered.includes(item));
  if (foreign.length === 0) return null;
  if (foreign.length === 1 && isOtherText(question, foreign[0], textCap)) return null;
  return `must only contain ${describeValues(offered)}`;
}
