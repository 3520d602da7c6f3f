import type { SurveyDefinition, SurveyElement } from '@shared/survey-definition/definition.schema';

/**
 * The builder edits the top-level elements of the root and of every page as one ordered list.
 * Panels move and delete as a whole; the questions inside them are kept as imported.
 */
export interface OutlineEntry {
  element: SurveyElement;
  /** Which element list holds it: the root's, then each page's. */
  container: number;
  index: number;
  /** 1-based position in the whole survey, as a person counts questions. */
  number: number;
}

export interface OutlineGroup {
  container: number;
  /** Page title or name; null for the root element list. */
  page: { name?: string; title?: unknown } | null;
  entries: OutlineEntry[];
}

type ElementList = SurveyElement[];

/** The element lists in order: the root's (when present), then each page's. */
function elementLists(definition: SurveyDefinition): { list: ElementList; page: OutlineGroup['page'] }[] {
  const lists: { list: ElementList; page: OutlineGroup['page'] }[] = [];
  if (definition.elements) lists.push({ list: definition.elements, page: null });
  for (const page of definition.pages ?? []) {
    page.elements ??= [];
    lists.push({ list: page.elements, page: { name: page.name, title: page.title } });
  }
  return lists;
}

export function outline(definition: SurveyDefinition): OutlineGroup[] {
  let number = 0;
  // Reading must not add missing `elements` arrays to the caller's object.
  const copy = { ...definition, pages: definition.pages?.map((page) => ({ ...page })) };
  return elementLists(copy).map(({ list, page }, container) => ({
    container,
    page,
    entries: list.map((element, index) => ({ element, container, index, number: ++number })),
  }));
}

export function flatOutline(definition: SurveyDefinition): OutlineEntry[] {
  return outline(definition).flatMap((group) => group.entries);
}

/** Applies `change` to a deep copy, so React state is never mutated. */
function edit(definition: SurveyDefinition, change: (lists: ElementList[], copy: SurveyDefinition) => void): SurveyDefinition {
  const copy = structuredClone(definition);
  change(
    elementLists(copy).map(({ list }) => list),
    copy,
  );
  return copy;
}

function locate(lists: ElementList[], name: string): { container: number; index: number } | null {
  for (const [container, list] of lists.entries()) {
    const index = list.findIndex((element) => element.name === name);
    if (index !== -1) return { container, index };
  }
  return null;
}

/** Moves one element a step up or down; past the edge of a page it moves onto the neighbouring page. */
export function moveElement(definition: SurveyDefinition, name: string, direction: -1 | 1): SurveyDefinition {
  return edit(definition, (lists) => {
    const at = locate(lists, name);
    if (!at) return;
    const list = lists[at.container]!;
    const target = at.index + direction;
    if (target >= 0 && target < list.length) {
      [list[at.index], list[target]] = [list[target]!, list[at.index]!];
      return;
    }
    const neighbour = lists[at.container + direction];
    if (!neighbour) return;
    const [element] = list.splice(at.index, 1);
    if (direction === -1) neighbour.push(element!);
    else neighbour.unshift(element!);
  });
}

export function canMove(definition: SurveyDefinition, name: string, direction: -1 | 1): boolean {
  const entries = flatOutline(definition);
  const position = entries.findIndex((entry) => entry.element.name === name);
  if (position === -1) return false;
  if (direction === -1) return position > 0 || (entries[position]?.container ?? 0) > 0;
  return position < entries.length - 1 || (entries[position]?.container ?? 0) < outline(definition).length - 1;
}

export function removeElements(definition: SurveyDefinition, names: readonly string[]): SurveyDefinition {
  return edit(definition, (lists) => {
    for (const list of lists) {
      for (let index = list.length - 1; index >= 0; index--) {
        if (names.includes(list[index]!.name)) list.splice(index, 1);
      }
    }
  });
}

/** Inserts after the named element, or at the end of the last page when there is none. */
export function insertElements(definition: SurveyDefinition, elements: readonly SurveyElement[], afterName?: string | null): SurveyDefinition {
  return edit(definition, (lists, copy) => {
    const at = afterName ? locate(lists, afterName) : null;
    if (at) {
      lists[at.container]!.splice(at.index + 1, 0, ...elements);
      return;
    }
    const last = lists[lists.length - 1];
    if (last) last.push(...elements);
    else copy.pages = [...(copy.pages ?? []), { name: 'page1', elements: [...elements] }];
  });
}

export function updateElement(definition: SurveyDefinition, name: string, update: (element: SurveyElement) => SurveyElement): SurveyDefinition {
  return edit(definition, (lists) => {
    const at = locate(lists, name);
    if (at) lists[at.container]![at.index] = update(lists[at.container]![at.index]!);
  });
}

export function findElement(definition: SurveyDefinition, name: string): SurveyElement | undefined {
  return flatOutline(definition).find((entry) => entry.element.name === name)?.element;
}

/** Every name used anywhere in the definition, panels and nested questions included. */
export function usedNames(definition: SurveyDefinition): Set<string> {
  const names = new Set<string>();
  const visit = (elements: SurveyElement[] | undefined) => {
    for (const element of elements ?? []) {
      names.add(element.name);
      visit(element.elements);
      visit(element.templateElements);
    }
  };
  visit(definition.elements);
  for (const page of definition.pages ?? []) visit(page.elements);
  return names;
}

/**
 * The twin of a SERVQUAL or Kano question: the other side of the same item or feature.
 * The contract needs both sides, so the builder deletes them together and keeps dimensions equal.
 */
export function twinsOf(definition: SurveyDefinition, name: string): string[] {
  const entries = flatOutline(definition).map((entry) => entry.element);
  const question = entries.find((element) => element.name === name);
  if (!question) return [];
  const key = question.metric === 'servqual' ? 'item' : question.metric === 'kano' ? 'feature' : null;
  if (!key || question[key] === undefined) return [];
  return entries
    .filter((other) => other !== question && other.metric === question.metric && other[key] === question[key])
    .map((other) => other.name);
}
