import { Decimal128, Long, ObjectId, type Document } from 'bson';
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { compileFilter } from './document-scan';
import { mingoOptions } from './mingo-options';

const id = new ObjectId('64b000000000000000000001');
const otherId = new ObjectId('64b000000000000000000002');
const day = new Date('2026-01-01T00:00:00Z');

const docs: Document[] = [
  { _id: id, a: 1, b: 3, key: 'k1', flag: true },
  { _id: otherId, a: 1.0, b: 1, key: 'K1', flag: false },
  { _id: 3, a: '1', key: 'k2' },
  { _id: 4, a: [2, 1], key: ['k1', 'k9'] },
  { _id: 5, a: [[1]], key: null },
  { _id: 6, a: null },
  { _id: 7 },
  { _id: 8, a: 2, at: day },
  { _id: 9, a: Decimal128.fromString('1'), at: new Date(day.getTime()) },
  { _id: 10, a: { x: 1 }, key: 'k1', at: '2026-01-01' },
  { _id: 11, a: [{ x: 1 }, 1], flag: 1 },
];

const filters: Document[] = [
  { a: 1 },
  { a: '1' },
  { a: { $eq: 1 } },
  { a: { $in: [1, '1'] } },
  { a: { $in: [2] } },
  { key: 'k1' },
  { key: { $in: ['k1', 'k2'] }, a: 1 },
  { key: 'k1', b: { $gt: 2 } },
  { flag: true },
  { flag: 1 },
  { at: day },
  { _id: id },
  { _id: { $in: [id, 3, 7] }, a: { $exists: true } },
  { _id: 3, key: 'k2' },
  { a: 1, $or: [{ b: 3 }, { key: 'K1' }] },
];

describe('compileFilter', () => {
  it('decides every document exactly as mingo does, on the fast path and off it', () => {
    for (const filter of filters) {
      const compiled = compileFilter(filter, {});
      const reference = new Query(filter, mingoOptions());
      const got = docs.filter((doc) => compiled!.test(doc)).map((doc) => String(doc._id));
      const expected = docs.filter((doc) => reference.test(doc)).map((doc) => String(doc._id));
      expect(got, JSON.stringify(filter)).toEqual(expected);
    }
  });

  it('matches an int64 by its numeric value, as MongoDB does (the index keys already did)', () => {
    const compiled = compileFilter({ a: 1 }, {});
    expect(compiled!.test({ a: Long.fromNumber(1) })).toBe(true);
    expect(compiled!.test({ a: Long.fromNumber(2) })).toBe(false);
  });

  it('leaves string equality to mingo under a collation', () => {
    const collation = { locale: 'en', strength: 2 };
    for (const filter of [{ key: 'k1' }, { key: { $in: ['K1'] }, a: 1 }]) {
      const compiled = compileFilter(filter, { collation });
      const reference = new Query(filter, mingoOptions({ collation }));
      expect(docs.filter((doc) => compiled!.test(doc)).map((doc) => doc._id)).toEqual(docs.filter((doc) => reference.test(doc)).map((doc) => doc._id));
    }
  });

  it('has nothing to test for an empty filter', () => {
    expect(compileFilter({}, {})).toBeNull();
  });
});
