import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import type { UiLocale } from '@shared/survey-definition/survey-locale';
import type { DefinitionChanges } from '@shared/surveys/survey-api.schema';
import { allQuestions } from '@shared/survey-definition/walk-questions';
import { readText } from './localized-text';

/** A publish summary a person can read: question texts instead of names. */
export interface ChangeSummary {
  added: string[];
  removed: string[];
  changed: string[];
  titleChanged: boolean;
  empty: boolean;
}

/** Resolves the names in `changes` to question texts; removed questions are looked up in the previous version. */
export function summarizeChanges(
  changes: DefinitionChanges,
  previous: SurveyDefinition | null,
  next: SurveyDefinition,
  locale: UiLocale,
): ChangeSummary {
  const textOf = (definition: SurveyDefinition | null) => {
    const titles = new Map(allQuestions(definition ?? {}).map((q) => [q.name, readText(q.title, locale) || q.name]));
    return (name: string) => titles.get(name) ?? name;
  };
  const inNext = textOf(next);
  const inPrevious = textOf(previous);
  // A first version has no earlier title to differ from; saying it changed would only confuse.
  const titleChanged = previous !== null && changes.titleChanged;
  return {
    added: changes.added.map(inNext),
    removed: changes.removed.map(inPrevious),
    changed: changes.changed.map(inNext),
    titleChanged,
    empty: !titleChanged && changes.added.length + changes.removed.length + changes.changed.length === 0,
  };
}
