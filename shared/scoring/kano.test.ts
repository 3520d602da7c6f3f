import { describe, expect, it } from 'vitest';
import { KANO_CELLS, evaluateKano, kanoCategoryOf } from './kano';

describe('kanoCategoryOf (Berger et al. 1993 table)', () => {
  it.each([
    ['like', 'like', 'questionable'],
    ['like', 'must-be', 'attractive'],
    ['like', 'neutral', 'attractive'],
    ['like', 'live-with', 'attractive'],
    ['like', 'dislike', 'one-dimensional'],
    ['must-be', 'dislike', 'must-be'],
    ['neutral', 'dislike', 'must-be'],
    ['live-with', 'dislike', 'must-be'],
    ['neutral', 'neutral', 'indifferent'],
    ['must-be', 'live-with', 'indifferent'],
    ['must-be', 'like', 'reverse'],
    ['dislike', 'like', 'reverse'],
    ['dislike', 'neutral', 'reverse'],
    ['dislike', 'dislike', 'questionable'],
  ] as const)('%s / %s → %s', (functional, dysfunctional, category) => {
    expect(kanoCategoryOf(functional, dysfunctional)).toBe(category);
  });

  it('covers 25 cells: 3 A, 1 O, 3 M, 9 I, 7 R, 2 Q', () => {
    const tally: Record<string, number> = {};
    for (const cell of KANO_CELLS) {
      const [f, d] = cell.split('|') as [Parameters<typeof kanoCategoryOf>[0], Parameters<typeof kanoCategoryOf>[1]];
      const category = kanoCategoryOf(f, d);
      tally[category] = (tally[category] ?? 0) + 1;
    }
    expect(tally).toEqual({ attractive: 3, 'one-dimensional': 1, 'must-be': 3, indifferent: 9, reverse: 7, questionable: 2 });
  });
});

describe('evaluateKano', () => {
  it('counts categories and computes Better/Worse', () => {
    // A = 2+1 = 3, O = 4, M = 2, I = 1, R = 1, Q = 1 → n 12; majority O
    // Better = (3+4)/(3+4+2+1) = 0.7; Worse = −(4+2)/10 = −0.6
    const result = evaluateKano({
      'like|neutral': 2,
      'like|must-be': 1,
      'like|dislike': 4,
      'neutral|dislike': 2,
      'neutral|neutral': 1,
      'dislike|like': 1,
      'like|like': 1,
    });
    expect(result).toEqual({
      n: 12,
      category: 'one-dimensional',
      better: 0.7,
      worse: -0.6,
      counts: { attractive: 3, 'one-dimensional': 4, 'must-be': 2, indifferent: 1, reverse: 1, questionable: 1 },
    });
  });

  it('breaks ties M > O > A > I', () => {
    expect(evaluateKano({ 'like|neutral': 2, 'neutral|dislike': 2 })?.category).toBe('must-be');
    expect(evaluateKano({ 'like|neutral': 2, 'like|dislike': 2 })?.category).toBe('one-dimensional');
    expect(evaluateKano({ 'like|neutral': 2, 'neutral|neutral': 2 })?.category).toBe('attractive');
    expect(evaluateKano({ 'neutral|neutral': 2, 'dislike|like': 2 })?.category).toBe('indifferent');
  });

  it('can be reverse or questionable, with Better/Worse undefined when only R and Q answered', () => {
    const reverse = evaluateKano({ 'dislike|like': 3, 'like|like': 1 });
    expect(reverse).toMatchObject({ n: 4, category: 'reverse', better: null, worse: null });
    expect(evaluateKano({ 'like|like': 2, 'dislike|dislike': 1, 'dislike|like': 2 })?.category).toBe('questionable');
  });

  it('gives Worse 0 (not −0) without O or M, and null without answers', () => {
    expect(evaluateKano({ 'like|neutral': 1 })?.worse).toBe(0);
    expect(evaluateKano({})).toBeNull();
    expect(evaluateKano({ 'like|neutral': 0 })).toBeNull();
  });
});
