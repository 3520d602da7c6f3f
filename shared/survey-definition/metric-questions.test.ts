import { describe, expect, it } from 'vitest';
import { metricQuestions } from './metric-questions';

describe('metricQuestions', () => {
  it('describes each metric question, including ones inside panels, and skips the rest', () => {
    const definition = {
      pages: [
        {
          elements: [
            { type: 'rating', name: 'nps', metric: 'nps' },
            { type: 'text', name: 'plain' },
            {
              type: 'panel',
              name: 'quality',
              elements: [
                { type: 'rating', name: 'e1', metric: 'servqual', dimension: 'empathy', servqual: 'expectation', item: 'empathy-1' },
                { type: 'radiogroup', name: 'k1', metric: 'kano', feature: 'wifi', kano: 'functional' },
              ],
            },
            { type: 'comment', name: 'why', metric: 'comment' },
          ],
        },
      ],
    };
    expect(metricQuestions(definition)).toEqual([
      { name: 'nps', metric: 'nps' },
      { name: 'e1', metric: 'servqual', dimension: 'empathy', side: 'expectation', item: 'empathy-1' },
      { name: 'k1', metric: 'kano', feature: 'wifi', kanoSide: 'functional' },
      { name: 'why', metric: 'comment' },
    ]);
  });

  it('leaves out values that are not part of the vocabulary', () => {
    const definition = {
      elements: [
        { type: 'rating', name: 'x', metric: 'stars' },
        { type: 'rating', name: 'y', metric: 'servqual', dimension: 'speed', servqual: 'perception', item: 'a' },
        { type: 'rating', name: 'z', metric: 'csat', dimension: 'empathy' },
      ],
    };
    expect(metricQuestions(definition)).toEqual([
      { name: 'y', metric: 'servqual', side: 'perception', item: 'a' },
      { name: 'z', metric: 'csat' },
    ]);
  });
});
