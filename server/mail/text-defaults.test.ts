import { describe, expect, it } from 'vitest';
import { SERVER_TEXT } from './text-defaults';

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Object.values(value as Record<string, unknown>).flatMap(strings);

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'string' ? [prefix] : Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => keys(inner, `${prefix}.${key}`));

describe('server text', () => {
  it('has the same entries in every locale, none empty', () => {
    expect(keys(SERVER_TEXT['zh-CN'])).toEqual(keys(SERVER_TEXT.en));
    for (const text of [...strings(SERVER_TEXT.en), ...strings(SERVER_TEXT['zh-CN'])]) expect(text.trim()).not.toBe('');
  });

  it('is written in Chinese for zh-CN and in English for en', () => {
    for (const text of strings(SERVER_TEXT['zh-CN'])) expect(text).toMatch(/[\u4e00-\u9fff]/);
    for (const text of strings(SERVER_TEXT.en)) expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
