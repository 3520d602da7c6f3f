import { describe, expect, it } from 'vitest';
import { allQuestions, walkQuestions } from './walk-questions';

const definition = {
  elements: [{ type: 'text', name: 'root' }],
  pages: [
    {
      elements: [
        { type: 'panel', name: 'box', elements: [{ type: 'rating', name: 'inner' }] },
        { type: 'comment', name: 'last' },
      ],
    },
  ],
};

describe('walkQuestions', () => {
  it('lists questions in page order with their JSON paths, leaving containers out', () => {
    expect(walkQuestions(definition).map(({ question, path }) => [question.name, path])).toEqual([
      ['root', 'elements.0'],
      ['inner', 'pages.0.elements.0.elements.0'],
      ['last', 'pages.0.elements.1'],
    ]);
    expect(allQuestions(definition).map((question) => question.name)).toEqual(['root', 'inner', 'last']);
  });
});
