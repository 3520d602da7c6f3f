import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';
import { placeholdersOf } from './locale';

// The compiler already rejects a missing key; this also guards placeholders and blank strings.
describe('staff catalogs', () => {
  it('have the same keys in en and zh-CN', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in every translation', () => {
    for (const [key, english] of Object.entries(en)) {
      expect(placeholdersOf(zhCN[key as keyof typeof en]), key).toEqual(placeholdersOf(english));
    }
  });

  it('have no empty messages', () => {
    for (const catalog of [en, zhCN]) {
      for (const [key, message] of Object.entries(catalog)) expect(message.trim(), key).not.toBe('');
    }
  });
});
