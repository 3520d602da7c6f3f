import { describe, expect, it } from 'vitest';
import { commentTexts } from './comment-text';

const definition = {
  pages: [
    {
      elements: [
        { type: 'rating', name: 'nps', metric: 'nps' },
        { type: 'comment', name: 'why' },
        { type: 'text', name: 'email', inputType: 'email' },
        { type: 'text', name: 'remark' },
        { type: 'text', name: 'tagged', metric: 'comment', inputType: 'text' },
      ],
    },
  ],
};

describe('commentTexts', () => {
  it('reads comment questions and plain text fields, in page order, trimmed', () => {
    expect(commentTexts(definition, { nps: 3, why: ' 排队太久 ', email: 'a@b.test', remark: 'rude staff', tagged: 'ok' })).toEqual(['排队太久', 'rude staff', 'ok']);
  });
  it('skips blank and non-text answers and answers to questions no longer in the definition', () => {
    expect(commentTexts(definition, { why: '   ', remark: 5, other: 'stray text' })).toEqual([]);
  });
});
