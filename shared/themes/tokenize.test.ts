import { describe, expect, it } from 'vitest';
import { stemEnglish, tokenize } from './tokenize';

describe('tokenize', () => {
  it('segments Chinese and drops stop words and punctuation', () => {
    const tokens = tokenize('排队等了很久，手续太麻烦了！');
    expect(tokens).toContain('排队');
    expect(tokens).toContain('手续');
    expect(tokens).not.toContain('了');
    expect(tokens).not.toContain('，');
  });
  it('lower-cases, stems and drops English stop words', () => {
    expect(tokenize('The WAITING was long and we waited')).toEqual(['wait', 'long', 'wait']);
  });
  it('handles mixed text, full-width letters and emoji', () => {
    expect(tokenize('ＡＰＰ老是闪退😤')).toContain('app');
    expect(tokenize('queue太长了👍').slice(0, 1)).toEqual(['queu']);
  });
  it('uses an injected segmenter for Han runs only', () => {
    expect(tokenize('abc 服务态度', undefined, { segmenter: (han) => han.split('') })).toEqual(['abc', '服', '务', '态', '度']);
  });
  it('folds inflections onto one stem', () => {
    expect(new Set(['wait', 'waits', 'waited', 'waiting'].map(stemEnglish)).size).toBe(1);
    expect(stemEnglish('fees')).toBe(stemEnglish('fee'));
    expect(stemEnglish('charged')).toBe(stemEnglish('charge'));
  });
});
