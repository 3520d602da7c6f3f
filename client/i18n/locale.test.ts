import { describe, expect, it } from 'vitest';
import { formatMessage, localeFromLanguageTag, resolveLocale } from './locale';

describe('resolveLocale', () => {
  it('prefers a stored, supported choice over the browser language', () => {
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
    expect(resolveLocale('en', 'zh-TW')).toBe('en');
  });

  it('ignores an unsupported stored value', () => {
    expect(resolveLocale('fr', 'zh-CN')).toBe('zh-CN');
  });

  it('maps every Chinese browser language to zh-CN', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans-CN', 'zh-TW', 'ZH-hk']) expect(resolveLocale(null, tag)).toBe('zh-CN');
  });

  it('defaults to English', () => {
    expect(resolveLocale(null, 'de-DE')).toBe('en');
    expect(resolveLocale(null, undefined)).toBe('en');
    expect(localeFromLanguageTag('en-GB')).toBe('en');
  });
});

describe('formatMessage', () => {
  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('Welcome, {name}', { name: 'Ada' })).toBe('Welcome, Ada');
    expect(formatMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(formatMessage('No params')).toBe('No params');
  });
});
