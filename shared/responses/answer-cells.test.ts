import { describe, expect, it } from 'vitest';
import { answerFromCell } from './answer-cells';

const q = (type: string, extra: Record<string, unknown> = {}) => ({ type, name: 'q', ...extra });

describe('answerFromCell', () => {
  it('leaves an empty cell unanswered', () => {
    expect(answerFromCell(q('rating'), '')).toBeUndefined();
    expect(answerFromCell(q('comment'), '')).toBeUndefined();
  });

  it('reads ratings and numeric text as numbers, and keeps what is not a number as text for the validator', () => {
    expect(answerFromCell(q('rating'), '4')).toBe(4);
    expect(answerFromCell(q('rating'), '-1.5')).toBe(-1.5);
    expect(answerFromCell(q('text', { inputType: 'number' }), '12')).toBe(12);
    expect(answerFromCell(q('rating'), 'four')).toBe('four');
    expect(answerFromCell(q('rating'), '0x10')).toBe('0x10');
  });

  it('keeps free text as text even when it looks like a number', () => {
    expect(answerFromCell(q('text'), '123')).toBe('123');
    expect(answerFromCell(q('comment'), 'true')).toBe('true');
  });

  it('reads booleans', () => {
    expect(answerFromCell(q('boolean'), 'true')).toBe(true);
    expect(answerFromCell(q('boolean'), 'false')).toBe(false);
    expect(answerFromCell(q('boolean'), 'yes')).toBe('yes');
  });

  it('reads lists as the export writes them ("a; b") or as JSON', () => {
    expect(answerFromCell(q('checkbox', { choices: ['counter', 'atm'] }), 'counter; atm')).toEqual(['counter', 'atm']);
    expect(answerFromCell(q('checkbox'), '["a","b"]')).toEqual(['a', 'b']);
    expect(answerFromCell(q('tagbox', { choices: [1, 2, 3] }), '1;3')).toEqual([1, 3]);
  });

  it('reads a choice as a number only when the question has that number as a choice', () => {
    expect(answerFromCell(q('radiogroup', { choices: [{ value: 1, text: 'One' }, 2] }), '1')).toBe(1);
    expect(answerFromCell(q('radiogroup', { choices: ['1', '2'] }), '1')).toBe('1');
    expect(answerFromCell(q('dropdown', { choices: ['loan'] }), 'loan')).toBe('loan');
  });

  it('reads objects (matrices, multiple text) as JSON, else keeps the text', () => {
    expect(answerFromCell(q('matrix'), '{"speed":"good"}')).toEqual({ speed: 'good' });
    expect(answerFromCell(q('multipletext'), '{broken')).toBe('{broken');
  });
});
