import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../app-context';
import { afterCaseChanged, installCaseConsumers, type CaseChangeEvent } from './case-events';
import type { CaseRecord } from './case.model';

const ctx = {} as AppContext;
const at = new Date('2026-12-04T09:00:00Z');
const doc = {
  number: 7,
  timeline: [
    { at, by: null, kind: 'opened', data: {} },
    { at, by: new Types.ObjectId(), kind: 'note', data: { text: 'called back' } },
  ],
} as unknown as CaseRecord;

describe('case consumers', () => {
  it('refuse to run before the platform installed them, rather than skip their work', async () => {
    await expect(afterCaseChanged(ctx, doc)).rejects.toThrow(/No case consumers are installed/);
  });

  it('hear of the last entry by default, or of the one named, with its index', async () => {
    const seen: CaseChangeEvent[] = [];
    installCaseConsumers([{ name: 'a', changed: async (_ctx, e) => void seen.push(e) }, { name: 'silent' }]);
    await afterCaseChanged(ctx, doc);
    await afterCaseChanged(ctx, doc, 0);
    expect(seen.map((e) => [e.index, e.entry.kind, e.case.number])).toEqual([
      [1, 'note', 7],
      [0, 'opened', 7],
    ]);
  });

  it('fail when a consumer fails, so the change is retried rather than its follow-up lost', async () => {
    installCaseConsumers([{ name: 'broken', changed: () => Promise.reject(new Error('smtp down')) }]);
    await expect(afterCaseChanged(ctx, doc)).rejects.toThrow('smtp down');
  });
});
