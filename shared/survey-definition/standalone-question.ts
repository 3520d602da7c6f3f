import { Model } from 'survey-core';
import type { Question } from 'survey-core';
import { registerTouchpointProperties } from './survey-properties';

/**
 * Loads questions into survey-core on their own, so SurveyJS itself resolves their defaults
 * (rateMin/rateMax/rateCount/rateStep/rateValues, choicesMin/choicesMax, other/none items).
 * One model holds them all because building a model dominates the cost (about 0.5 ms per question).
 */
export function loadQuestionsAlone(questions: readonly Record<string, unknown>[]): Map<Record<string, unknown>, Question> {
  registerTouchpointProperties();
  const elements = questions.map((question, index) => {
    // Conditions refer to other questions, which are absent here; they must not hide or disable anything.
    const { visibleIf: _v, enableIf: _e, choicesVisibleIf: _c, choicesEnableIf: _ce, ...standalone } = question;
    // Positional names keep duplicates and odd names (reported elsewhere) from colliding in the model.
    return { ...standalone, name: `q${index}` };
  });
  const model = new Model({ elements });
  const loaded = new Map<Record<string, unknown>, Question>();
  questions.forEach((question, index) => {
    const engineQuestion = model.getQuestionByName(`q${index}`);
    if (engineQuestion) loaded.set(question, engineQuestion);
  });
  return loaded;
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
