import { describe, expect, it } from 'vitest';
import { clearDraft, draftKey, loadDraft, newDraft, saveDraft } from './answer-draft';
import { newSubmissionId } from './submission-id';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('answer drafts', () => {
  it('keeps one draft per link, personal tokens apart', () => {
    expect(draftKey('abc')).toBe('touchpoint.respond.abc');
    expect(draftKey('abc', 'tok')).toBe('touchpoint.respond.abc.tok');
  });

  it('saves, loads and clears', () => {
    const storage = memoryStorage();
    const draft = { ...newDraft(3, 1000), answers: { q1: 4 }, pageNo: 1 };
    expect(saveDraft('k', draft, storage)).toBe(true);
    expect(loadDraft('k', storage)).toEqual(draft);
    clearDraft('k', storage);
    expect(loadDraft('k', storage)).toBeNull();
  });

  it('ignores unreadable drafts and survives blocked or full storage', () => {
    const storage = memoryStorage();
    storage.items.set('bad', '{not json');
    storage.items.set('odd', JSON.stringify({ version: 'x' }));
    expect(loadDraft('bad', storage)).toBeNull();
    expect(loadDraft('odd', storage)).toBeNull();
    const good = newDraft(2, 1000);
    for (const odd of [{ answers: [] }, { pageNo: -1 }, { pageNo: 0.5 }, { startedAt: '1000' }, { submissionId: '' }, { version: undefined }]) {
      storage.items.set('odd', JSON.stringify({ ...good, ...odd }));
      expect(loadDraft('odd', storage)).toBeNull();
    }
    storage.items.set('good', JSON.stringify(good));
    expect(loadDraft('good', storage)).toEqual(good);
    const full = { ...storage, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(saveDraft('k', newDraft(1), full)).toBe(false);
    expect(saveDraft('k', newDraft(1), undefined)).toBe(false);
    expect(loadDraft('k', undefined)).toBeNull();
  });
});

describe('newSubmissionId', () => {
  it('makes v4 UUIDs, also where crypto.randomUUID is missing (plain http)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newSubmissionId()).toMatch(uuid);
    const fallback = newSubmissionId({ getRandomValues: (array) => crypto.getRandomValues(array) });
    expect(fallback).toMatch(uuid);
    expect(fallback).not.toBe(newSubmissionId());
  });
});
