import { Model } from 'survey-core';
import type { Question } from 'survey-core';
import { registerTouchpointProperties } from './survey-properties';

/**
 * Loads one question's JSON into survey-core on its own, so SurveyJS itself resolves its defaults
 * (rateMin/rateMax/rateCount/rateStep/rateValues, choicesMin/choicesMax, other/none items).
 */
export function loadQuestionAlone(questionJson: Record<string, unknown>): Question | undefined {
  registerTouchpointProperties();
  // Conditions refer to other questions, which are absent here; they must not hide or disable choices.
  const { visibleIf: _v, enableIf: _e, choicesVisibleIf: _c, choicesEnableIf: _ce, ...standalone } = questionJson;
  const model = new Model({ elements: [standalone] });
  return model.getAllQuestions()[0];
}

/** Values a rating or choice question offers, as survey-core renders them. */
export function offeredValues(question: Question): unknown[] {
  const choices = (question as { visibleChoices?: { value: unknown }[] }).visibleChoices;
  return Array.isArray(choices) ? choices.map((choice) => choice.value) : [];
}

/** True when `values` are exactly the integers min, min+1, ..., max in order. */
export function isIntegerScale(values: readonly unknown[], min: number, max: number): boolean {
  return values.length === max - min + 1 && values.every((value, index) => value === min + index);
}

/** Human description of offered values for messages: `1–5` for an integer run, else a list. */
export function describeValues(values: readonly unknown[]): string {
  const first = values[0];
  const last = values[values.length - 1];
  if (typeof first === 'number' && typeof last === 'number' && values.length > 2 && isIntegerScale(values, first, last)) {
    return `${first}–${last}`;
  }
  return values.length ? values.map((value) => JSON.stringify(value)).join(', ') : 'no values';
}
