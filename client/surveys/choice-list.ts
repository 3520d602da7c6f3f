import type { UiLocale } from '@shared/survey-definition/survey-locale';
import { readText, writeText } from './localized-text';

/** One choice as the builder edits it; SurveyJS also accepts bare strings and numbers, read here as such. */
export interface ChoiceItem {
  value: unknown;
  text?: unknown;
}

export function choiceItems(choices: unknown): ChoiceItem[] {
  if (!Array.isArray(choices)) return [];
  return choices.map((choice: unknown) =>
    typeof choice === 'object' && choice !== null ? (choice as ChoiceItem) : { value: choice },
  );
}

/** What a respondent sees for the choice: its text, else its value. */
export function choiceLabel(choice: ChoiceItem, locale: UiLocale): string {
  return readText(choice.text, locale) || String(choice.value ?? '');
}

export function setChoiceText(choices: unknown, index: number, locale: UiLocale, text: string): ChoiceItem[] {
  return choiceItems(choices).map((choice, at) => {
    if (at !== index) return choice;
    // A bare choice's value doubles as its text in every language; keep that as the default.
    const current = choice.text ?? (typeof choice.value === 'string' ? choice.value : undefined);
    return { ...choice, text: writeText(current, locale, text) };
  });
}

/** Adds a choice with a value no other choice uses, so stored answers stay unambiguous. */
export function addChoice(choices: unknown, locale: UiLocale, text: string): ChoiceItem[] {
  const items = choiceItems(choices);
  const values = new Set(items.map((choice) => String(choice.value)));
  let n = items.length + 1;
  while (values.has(`option${n}`)) n++;
  return [...items, { value: `option${n}`, text: writeText(undefined, locale, text) }];
}

export function removeChoice(choices: unknown, index: number): ChoiceItem[] {
  return choiceItems(choices).filter((_, at) => at !== index);
}
