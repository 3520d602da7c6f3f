import type { Document } from 'bson';
import { valuesAtPath } from './field-path';

// MongoDB's BSON comparison order. mingo ranks values by JS type name, so an ObjectId, a BinData,
// a Long or a Decimal128 sorted after every other type (and a Long never compared with a number).

/** Rank of a value's type in BSON comparison order (numbers of every width share one). */
export function bsonRank(value: unknown): number {
  switch (typeof value) {
    case 'undefined':
      return 2;
    case 'number':
    case 'bigint':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return 9;
    default:
      break;
  }
  if (value === null) return 2;
  if (Array.isArray(value)) return 6;
  if (value instanceof Date) return 10;
  if (value instanceof RegExp) return 12;
  switch ((value as { _bsontype?: string })._bsontype) {
    case 'MinKey':
      return 1;
    case 'Long': case 'Int32': case 'Double': case 'Decimal128':
      return 3;
    case 'BSONSymbol':
      return 4;
    case 'Binary':
      return 7;
    case 'ObjectId': case 'ObjectID':
      return 8;
    case 'Timestamp':
      return 11;
    case 'BSONRegExp':
      return 12;
    case 'MaxKey':
      return 13;
    default:
      return 5;
  }
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Compares two values as MongoDB orders them (-1, 0, 1). */
export function compareBson(a: unknown, b: unknown): number {
  const rank = bsonRank(a) - bsonRank(b);
  if (rank !== 0) return sign(rank);
  switch (bsonRank(a)) {
    case 3:
      return compareNumbers(a, b);
    case 4:
      return sign(String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
    case 5:
      return compareDocuments(a as Document, b as Document);
    case 6:
      return compareArrays(a as unknown[], b as unknown[]);
    case 7:
      return compareBinary(a as BinaryLike, b as BinaryLike);
    case 8:
      return sign((a as { toHexString(): string }).toHexString().localeCompare((b as { toHexString(): string }).toHexString()));
    case 9:
      return sign(Number(a) - Number(b));
    case 10:
      return sign((a as Date).getTime() - (b as Date).getTime());
    case 11:
      return sign((a as { compare(other: unknown): number }).compare(b));
    case 12: {
      const [x, y] = [a as RegExp, b as RegExp];
      return x.source === y.source ? sign(x.flags.localeCompare(y.flags)) : x.source < y.source ? -1 : 1;
    }
    default:
      return 0;
  }
}

interface BinaryLike {
  sub_type: number;
  buffer: Uint8Array;
  position?: number;
}

/** The bytes of a BinData value. */
export function binaryBytes(value: BinaryLike): Uint8Array {
  return value.buffer.subarray(0, value.position ?? value.buffer.length);
}

function compareBinary(a: BinaryLike, b: BinaryLike): number {
  const [x, y] = [binaryBytes(a), binaryBytes(b)];
  if (x.length !== y.length) return sign(x.length - y.length);
  if (a.sub_type !== b.sub_type) return sign(a.sub_type - b.sub_type);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return sign((x[i] as number) - (y[i] as number));
  return 0;
}

function compareNumbers(a: unknown, b: unknown): number {
  if (isLong(a) && isLong(b)) return sign(a.compare(b));
  const [x, y] = [toNumber(a), toNumber(b)];
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
  return sign(x - y);
}

function isLong(value: unknown): value is { compare(other: unknown): number } {
  return (value as { _bsontype?: string } | null)?._bsontype === 'Long';
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const bsonType = (value as { _bsontype?: string })._bsontype;
  if (bsonType === 'Long') return (value as { toNumber(): number }).toNumber();
  if (bsonType === 'Decimal128') return Number.parseFloat((value as object).toString());
  return Number((value as { valueOf(): unknown }).valueOf());
}

function compareArrays(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareBson(a[i], b[i]);
    if (order !== 0) return order;
  }
  return sign(a.length - b.length);
}

function compareDocuments(a: Document, b: Document): number {
  const [x, y] = [Object.entries(a), Object.entries(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [[keyA, valueA], [keyB, valueB]] = [x[i] as [string, unknown], y[i] as [string, unknown]];
    const rank = bsonRank(valueA) - bsonRank(valueB);
    if (rank !== 0) return sign(rank);
    if (keyA !== keyB) return keyA < keyB ? -1 : 1;
    const order = compareBson(valueA, valueB);
    if (order !== 0) return order;
  }
  return sign(x.length - y.length);
}

/**
 * The value a document sorts by on `path`: the smallest of the values found there for an
 * ascending sort, the largest for a descending one (arrays sort by their extreme element), null
 * when the path is missing.
 */
function sortKey(doc: Document, path: string, direction: number): unknown {
  const values = valuesAtPath(doc, path).filter((value) => value !== undefined);
  if (values.length === 0) return null;
  return values.reduce((best, value) => (compareBson(value, best) * direction < 0 ? value : best));
}

/** Sorts documents by a sort specification in BSON order (stable, as MongoDB's ties are unordered). */
export function sortDocuments<T extends Document>(docs: T[], spec: Document): T[] {
  const fields = Object.entries(spec).map(([path, direction]) => [path, direction === -1 ? -1 : 1] as const);
  const keyed = docs.map((doc) => ({ doc, keys: fields.map(([path, direction]) => sortKey(doc, path, direction)) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < fields.length; i++) {
      const order = compareBson(x.keys[i], y.keys[i]) * (fields[i] as readonly [string, number])[1];
      if (order !== 0) return order;
    }
    return 0;
  });
  return keyed.map(({ doc }) => doc);
}
