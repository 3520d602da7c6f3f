import { Binary, Decimal128, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { describe, expect, it } from 'vitest';
import { decode, decodeFields, encode, FieldNames, withIdFirst } from './doc-codec';

describe('decodeFields', () => {
  it('picks named top-level fields out of documents holding every BSON type', () => {
    const doc = {
      _id: new ObjectId(),
      double: 1.5,
      text: 'héllo',
      sub: { a: [1, 2] },
      list: ['x', { y: 1 }],
      bin: new Binary(Buffer.from('abc'), 4),
      flag: true,
      when: new Date(7),
      nothing: null,
      re: /a.b/i,
      int: 3,
      ts: new Timestamp({ t: 1, i: 2 }),
      long: Long.fromString('9007199254740993'),
      dec: Decimal128.fromString('1.10'),
      min: new MinKey(),
      max: new MaxKey(),
      email: 'last@x',
    };
    const bytes = encode(doc);
    const full = decode(bytes);
    expect(decodeFields(bytes, new FieldNames(['_id', 'email']))).toEqual({ _id: doc._id, email: 'last@x' });
    expect(decodeFields(bytes, new FieldNames(['sub', 'when', 're']))).toEqual({ sub: full.sub, when: full.when, re: full.re });
    expect(decodeFields(bytes, new FieldNames(['absent', 'tex']))).toEqual({});
    expect(decodeFields(bytes, new FieldNames(Object.keys(doc)))).toEqual(full);
  });
});

describe('withIdFirst', () => {
  it('moves or adds _id to the front', () => {
    expect(Object.keys(withIdFirst({ a: 1, _id: 2 }))).toEqual(['_id', 'a']);
    expect(withIdFirst({ a: 1 })._id).toBeInstanceOf(ObjectId);
  });
});
