import { Long, ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';
import { compoundKey, isIndexableScalar, valueKey } from './value-key';

describe('valueKey', () => {
  it('gives equal keys to values MongoDB considers equal', () => {
    const id = new ObjectId();
    expect(valueKey(new ObjectId(id.toHexString()))).toBe(valueKey(id));
    expect(valueKey(new Date(5))).toBe(valueKey(new Date(5)));
    expect(valueKey(1)).toBe(valueKey(1.0));
    expect(valueKey(Long.fromNumber(7))).toBe(valueKey(7));
    expect(valueKey(null)).toBe(valueKey(undefined));
  });

  it('separates values of different types', () => {
    const keys = [valueKey('1'), valueKey(1), valueKey(true), valueKey(new Date(1)), valueKey(null), valueKey({ a: 1 }), valueKey([1])];
    expect(new Set(keys).size).toBe(keys.length);
    expect(valueKey({ a: 1, b: 2 })).not.toBe(valueKey({ b: 2, a: 1 }));
  });

  it('keeps compound keys unambiguous', () => {
    expect(compoundKey(['sa', 'sb'])).not.toBe(compoundKey(['sa","sb']));
    expect(compoundKey(['sx'])).toBe('sx');
  });

  it('limits index lookups to scalars', () => {
    expect(isIndexableScalar('x')).toBe(true);
    expect(isIndexableScalar(new ObjectId())).toBe(true);
    expect(isIndexableScalar(Number.NaN)).toBe(false);
    expect(isIndexableScalar(null)).toBe(false);
    expect(isIndexableScalar([1])).toBe(false);
    expect(isIndexableScalar(/x/)).toBe(false);
  });
});
