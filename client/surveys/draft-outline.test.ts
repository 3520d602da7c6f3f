import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { canMove, flatOutline, insertElements, moveElement, removeElements, twinsOf, updateElement } from './draft-outline';

const q = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'text', name, ...extra });
const twoPages = (): SurveyDefinition => ({
  pages: [
    { name: 'p1', elements: [q('a'), q('b')] },
    { name: 'p2', elements: [q('c')] },
  ],
});
const names = (definition: SurveyDefinition) => flatOutline(definition).map((entry) => entry.element.name);

describe('moveElement', () => {
  it('swaps within a page and crosses page edges', () => {
    expect(names(moveElement(twoPages(), 'a', 1))).toEqual(['b', 'a', 'c']);
    const crossed = moveElement(twoPages(), 'b', 1);
    expect(crossed.pages?.[1]?.elements?.map((e) => e.name)).toEqual(['b', 'c']);
    const back = moveElement(twoPages(), 'c', -1);
    expect(back.pages?.[0]?.elements?.map((e) => e.name)).toEqual(['a', 'b', 'c']);
  });

  it('does not mutate its input and stops at the ends', () => {
    const original = twoPages();
    moveElement(original, 'a', 1);
    expect(names(original)).toEqual(['a', 'b', 'c']);
    expect(names(moveElement(original, 'a', -1))).toEqual(['a', 'b', 'c']);
    expect(canMove(original, 'a', -1)).toBe(false);
    expect(canMove(original, 'c', 1)).toBe(false);
    expect(canMove(original, 'b', 1)).toBe(true);
  });
});

describe('insert, update and remove', () => {
  it('inserts after the named element or at the end of the last page', () => {
    expect(names(insertElements(twoPages(), [q('x')], 'a'))).toEqual(['a', 'x', 'b', 'c']);
    expect(names(insertElements(twoPages(), [q('x')], null))).toEqual(['a', 'b', 'c', 'x']);
    expect(names(insertElements({}, [q('x')]))).toEqual(['x']);
  });

  it('updates one element and removes several', () => {
    const updated = updateElement(twoPages(), 'b', (e) => ({ ...e, isRequired: true }));
    expect(flatOutline(updated)[1]?.element.isRequired).toBe(true);
    expect(names(removeElements(twoPages(), ['a', 'c']))).toEqual(['b']);
  });

  it('numbers questions across pages', () => {
    expect(flatOutline(twoPages()).map((entry) => entry.number)).toEqual([1, 2, 3]);
  });
});

describe('twinsOf', () => {
  it('finds the other side of a SERVQUAL item or Kano feature', () => {
    const definition: SurveyDefinition = {
      elements: [
        q('e1', { metric: 'servqual', item: 'i1', servqual: 'expectation' }),
        q('p1', { metric: 'servqual', item: 'i1', servqual: 'perception' }),
        q('f', { metric: 'kano', feature: 'x', kano: 'functional' }),
        q('d', { metric: 'kano', feature: 'x', kano: 'dysfunctional' }),
        q('n', { metric: 'nps' }),
      ],
    };
    expect(twinsOf(definition, 'e1')).toEqual(['p1']);
    expect(twinsOf(definition, 'd')).toEqual(['f']);
    expect(twinsOf(definition, 'n')).toEqual([]);
  });
});
