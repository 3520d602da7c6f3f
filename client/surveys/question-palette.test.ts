import { describe, expect, it } from 'vitest';
import { checkDefinitionContract } from '@shared/survey-definition/definition-contract';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { getTemplate } from '@shared/survey-definition/templates';
import { insertElements } from './draft-outline';
import { createPaletteQuestions, freeName, PALETTE_KINDS } from './question-palette';

describe('createPaletteQuestions', () => {
  it('adds questions that keep the contract for every palette entry', () => {
    let definition: SurveyDefinition = { pages: [{ name: 'page1', elements: [] }] };
    for (const kind of PALETTE_KINDS) {
      definition = insertElements(definition, createPaletteQuestions(kind, definition));
      definition = insertElements(definition, createPaletteQuestions(kind, definition));
    }
    expect(checkDefinitionContract(definition)).toEqual([]);
  });

  it('adds a SERVQUAL pair with a fresh item id next to the template items', () => {
    const template = getTemplate('servqual');
    const added = createPaletteQuestions('servqual', template, { dimension: 'empathy' });
    expect(added.map((q) => [q.servqual, q.dimension, q.item])).toEqual([
      ['expectation', 'empathy', 'empathy-6'],
      ['perception', 'empathy', 'empathy-6'],
    ]);
    expect(checkDefinitionContract(insertElements(template, added))).toEqual([]);
  });

  it('adds a Kano pair with the five standard answers', () => {
    const added = createPaletteQuestions('kano', getTemplate('kano'));
    expect(added.map((q) => q.kano)).toEqual(['functional', 'dysfunctional']);
    expect(added[0]?.feature).toBe(added[1]?.feature);
    expect(checkDefinitionContract(insertElements(getTemplate('kano'), added))).toEqual([]);
  });

  it('names an NPS question so it does not clash', () => {
    expect(createPaletteQuestions('nps', getTemplate('nps'))[0]).toMatchObject({ name: 'nps_2', metric: 'nps', rateMin: 0, rateMax: 10 });
  });
});

describe('freeName', () => {
  it('counts up from 2', () => {
    expect(freeName('a', new Set())).toBe('a');
    expect(freeName('a', new Set(['a', 'a_2']))).toBe('a_3');
  });
});
