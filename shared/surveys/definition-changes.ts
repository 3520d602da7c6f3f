import { allQuestions, type SurveyDefinitionJson } from '../survey-definition/walk-questions';
import type { DefinitionChanges } from './survey-api.schema';

/** Stable text of a JSON value with sorted keys, so key order does not count as a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameDefinition(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** What publishing `next` changes against `previous`, by question name; the builder shows it before publishing. */
export function diffDefinitions(previous: SurveyDefinitionJson | null, next: SurveyDefinitionJson): DefinitionChanges {
  const before = new Map(allQuestions(previous ?? {}).map((q) => [q.name, canonical(q)]));
  const after = new Map(allQuestions(next).map((q) => [q.name, canonical(q)]));
  return {
    added: [...after.keys()].filter((name) => !before.has(name)),
    removed: [...before.keys()].filter((name) => !after.has(name)),
    changed: [...after].filter(([name, text]) => before.has(name) && before.get(name) !== text).map(([name]) => name),
    titleChanged: canonical(previous?.title) !== canonical(next.title),
  };
}
