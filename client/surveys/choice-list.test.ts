import { describe, expect, it } from 'vitest';
import { addChoice, choiceLabel, removeChoice, setChoiceText } from './choice-list';

describe('choice list', () => {
  it('edits the text of bare and object choices in one language', () => {
    expect(setChoiceText(['Yes', 'No'], 1, 'zh-CN', '否')).toEqual([{ value: 'Yes' }, { value: 'No', text: { default: 'No', 'zh-cn': '否' } }]);
    expect(setChoiceText([{ value: 1, text: 'One' }], 0, 'en', 'Uno')).toEqual([{ value: 1, text: 'Uno' }]);
  });

  it('adds choices with unused values and removes by position', () => {
    const added = addChoice([{ value: 'option2' }], 'en', 'New');
    expect(added[1]).toEqual({ value: 'option3', text: 'New' });
    expect(removeChoice(['a', 'b'], 0)).toEqual([{ value: 'b' }]);
  });

  it('labels a choice by its text, else its value', () => {
    expect(choiceLabel({ value: 'x' }, 'en')).toBe('x');
    expect(choiceLabel({ value: 'x', text: { default: 'X', 'zh-cn': '叉' } }, 'zh-CN')).toBe('叉');
  });
});
