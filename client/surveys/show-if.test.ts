import { describe, expect, it } from 'vitest';
import { buildShowIf, parseShowIf } from './show-if';

describe('buildShowIf', () => {
  it('writes numbers bare and text quoted', () => {
    expect(buildShowIf({ question: 'nps', operator: 'less', value: '7' })).toBe('{nps} < 7');
    expect(buildShowIf({ question: 'visit', operator: 'equal', value: 'branch' })).toBe("{visit} = 'branch'");
    expect(buildShowIf({ question: 'visit', operator: 'equal', value: "it's" })).toBe('{visit} = "it\'s"');
    expect(buildShowIf({ question: 'c', operator: 'notempty', value: 'ignored' })).toBe('{c} notempty');
  });
});

describe('parseShowIf', () => {
  it('reads what it writes', () => {
    for (const condition of [
      { question: 'nps', operator: 'greater', value: '8' },
      { question: 'visit', operator: 'notequal', value: 'online' },
      { question: 'tags', operator: 'contains', value: 'fast' },
      { question: 'c', operator: 'empty', value: '' },
    ] as const) {
      expect(parseShowIf(buildShowIf(condition))).toEqual(condition);
    }
  });

  it('accepts SurveyJS spellings of the same operators', () => {
    expect(parseShowIf("{a} == 'x'")).toEqual({ question: 'a', operator: 'equal', value: 'x' });
    expect(parseShowIf('{a} != 3')).toEqual({ question: 'a', operator: 'notequal', value: '3' });
  });

  it('leaves anything more complex to be kept as written', () => {
    expect(parseShowIf('{a} = 1 and {b} = 2')).toBeNull();
    expect(parseShowIf('age({birth}) > 18')).toBeNull();
    expect(parseShowIf('{a} notempty 3')).toBeNull();
    expect(parseShowIf(undefined)).toBeNull();
  });
});
