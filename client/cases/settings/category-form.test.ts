import { describe, expect, it } from 'vitest';
import { categoryFieldsFrom, categoryInputFrom, categoryUpdateFrom, emptyCategoryFields } from './category-form';

describe('category form', () => {
  it('builds a new category with both names, no parent for an empty choice', () => {
    const made = categoryInputFrom({ ...emptyCategoryFields(), key: ' card-fault ', en: 'Card fault', zhCN: '银行卡故障' });
    expect(made).toEqual({ ok: true, input: { key: 'card-fault', names: { en: 'Card fault', 'zh-CN': '银行卡故障' }, parent: null, archived: false } });
  });

  it('refuses a key that is no slug and a missing name, under the fields the form shows', () => {
    const made = categoryInputFrom({ ...emptyCategoryFields(), key: 'Card Fault', en: 'Card fault', zhCN: ' ' });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.params.map((p) => p.name).sort()).toEqual(['key', 'names.zh-CN']);
  });

  it('edits names, parent and archived but never sends the key', () => {
    const fields = categoryFieldsFrom({ key: 'card-fault', names: { en: 'Card fault', 'zh-CN': '银行卡故障' }, parent: 'cards', archived: false });
    expect(categoryUpdateFrom({ ...fields, en: 'Card broken', archived: true })).toEqual({
      ok: true,
      input: { names: { en: 'Card broken', 'zh-CN': '银行卡故障' }, parent: 'cards', archived: true },
    });
  });
});
