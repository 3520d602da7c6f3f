import { describe, expect, it } from 'vitest';
import { Collection } from './collection';
import { encodeForStorage } from './doc-codec';
import { findMatches } from './document-scan';
import { StoreError } from './errors';
import { plannedRidSet } from './query-planner';

/** The planner's candidates as an array (null: no index helps). */
const plannedRids = (collection: Collection, filter: Record<string, unknown>) => {
  const rids = plannedRidSet(collection, filter);
  return rids ? [...rids] : null;
};

function filled(): Collection {
  const collection = new Collection('db', 'c');
  collection.addIndex({ key: { email: 1 }, name: 'email_1', unique: true });
  collection.addIndex({ key: { team: 1, n: 1 }, name: 'team_n' });
  for (let n = 0; n < 50; n++) {
    const doc = { _id: n, email: `u${n}@x`, team: n % 2 ? 'odd' : 'even', n, tags: [`t${n % 3}`] };
    collection.insert(doc, encodeForStorage(doc), null);
  }
  return collection;
}

describe('Collection and planner', () => {
  it('answers equality on a unique index with exactly the matching record', () => {
    const collection = filled();
    expect(plannedRids(collection, { email: 'u7@x' })).toEqual([7]);
    expect(plannedRids(collection, { _id: { $in: [3, 4, 99] } })?.sort()).toEqual([3, 4]);
  });

  it('narrows range queries on the leading field of a compound index', () => {
    const collection = filled();
    const rids = plannedRids(collection, { team: 'odd', n: { $gt: 40 } }) ?? [];
    expect(rids.length).toBe(25);
    expect(findMatches(collection, { team: 'odd', n: { $gt: 40 } }, { reader: null }).map((m) => m.doc.n)).toEqual([41, 43, 45, 47, 49]);
  });

  it('falls back to a scan when no index applies', () => {
    const collection = filled();
    expect(plannedRids(collection, { tags: 't1' })).toBeNull();
    expect(findMatches(collection, { tags: 't1' }, { reader: null })).toHaveLength(17);
  });

  it('rejects a duplicate without changing anything and keeps indexes in step with updates', () => {
    const collection = filled();
    const clash = { _id: 100, email: 'u1@x' };
    expect(() => collection.insert(clash, encodeForStorage(clash), null)).toThrow(StoreError);
    expect(collection.liveCount).toBe(50);
    const moved = { _id: 1, email: 'new@x', team: 'odd', n: 1 };
    collection.replace(1, moved, encodeForStorage(moved), null);
    expect(plannedRids(collection, { email: 'u1@x' })).toEqual([]);
    expect(plannedRids(collection, { email: 'new@x' })).toEqual([1]);
    const reuse = { _id: 101, email: 'u1@x' };
    expect(collection.insert(reuse, encodeForStorage(reuse), null)).toBe(50);
    collection.remove(50, null);
    expect(findMatches(collection, { email: 'u1@x' }, { reader: null })).toEqual([]);
  });
});
