import { describe, expect, it } from 'vitest';
import { readText, writeText } from './localized-text';

describe('writeText', () => {
  it('edits English in `default` and keeps the Chinese text', () => {
    expect(writeText({ default: 'Hello', 'zh-cn': '你好' }, 'en', 'Hi')).toEqual({ default: 'Hi', 'zh-cn': '你好' });
  });

  it('edits Chinese in `zh-cn` and keeps English', () => {
    expect(writeText({ default: 'Hello', 'zh-cn': '你好' }, 'zh-CN', '您好')).toEqual({ default: 'Hello', 'zh-cn': '您好' });
  });

  it('keeps a plain string as the default when Chinese is added', () => {
    expect(writeText('Hello', 'zh-CN', '你好')).toEqual({ default: 'Hello', 'zh-cn': '你好' });
    expect(writeText('Hello', 'en', 'Hi')).toBe('Hi');
  });

  it('writes a plain string when there was no text', () => {
    expect(writeText(undefined, 'zh-CN', '新题目')).toBe('新题目');
  });

  it('drops an emptied translation so the default shows, and collapses to a string', () => {
    expect(writeText({ default: 'Hello', 'zh-cn': '你好' }, 'zh-CN', '')).toBe('Hello');
  });

  it('uses a separate `en` text when the definition has one', () => {
    expect(writeText({ default: 'x', en: 'Hello' }, 'en', 'Hi')).toEqual({ default: 'x', en: 'Hi' });
  });
});

describe('readText', () => {
  it('reads the locale, falls back to default, and tolerates junk', () => {
    expect(readText({ default: 'Hello', 'zh-cn': '你好' }, 'zh-CN')).toBe('你好');
    expect(readText({ default: 'Hello' }, 'zh-CN')).toBe('Hello');
    expect(readText(42, 'en')).toBe('');
  });
});
