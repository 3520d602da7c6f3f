import { StoreError } from './errors';

/** MongoDB's `$type` aliases and their BSON type numbers. */
const ALIASES: Record<string, number> = {
  double: 1, string: 2, object: 3, array: 4, binData: 5, undefined: 6, objectId: 7, bool: 8, date: 9, null: 10,
  regex: 11, dbPointer: 12, javascript: 13, symbol: 14, javascriptWithScope: 15, int: 16, timestamp: 17, long: 18,
  decimal: 19, minKey: -1, maxKey: 127,
};
const NAMES = new Map(Object.entries(ALIASES).map(([name, code]) => [code, name]));
const NUMERIC = new Set([1, 16, 18, 19]);

const BSON_CLASS_CODES: Record<string, number> = {
  ObjectId: 7, ObjectID: 7, Binary: 5, Decimal128: 19, Long: 18, Int32: 16, Double: 1, Timestamp: 17, MinKey: -1,
  MaxKey: 127, BSONRegExp: 11, BSONSymbol: 14, Symbol: 14, DBRef: 3,
};

/**
 * The BSON type number of a value as the store decodes it. Stored int32s decode to integral
 * numbers in the int32 range and every other number was a double (int64s that fit a double are
 * stored as such; see README "Known limits"), which is how mingo's `int`/`double` tests erred.
 */
export function bsonTypeCode(value: unknown): number | undefined {
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 && !Object.is(value, -0) ? 16 : 1;
    case 'string':
      return 2;
    case 'boolean':
      return 8;
    case 'bigint':
      return 18;
    case 'undefined':
      return undefined;
    default:
      break;
  }
  if (value === null) return 10;
  if (Array.isArray(value)) return 4;
  if (value instanceof Date) return 9;
  if (value instanceof RegExp) return 11;
  const bsonType = (value as { _bsontype?: string })._bsontype;
  if (bsonType === 'Code') return (value as { scope?: unknown }).scope ? 15 : 13;
  if (bsonType !== undefined) return BSON_CLASS_CODES[bsonType] ?? 3;
  return 3;
}

/** The `$type` expression's name for a value (`missing` when absent). */
export function bsonTypeName(value: unknown): string {
  const code = bsonTypeCode(value);
  return code === undefined ? 'missing' : (NAMES.get(code) as string);
}

/** Parses a `$type` operand (an alias, a number or an array of them) into a test of a type number. */
export function typeMatcher(spec: unknown): (code: number) => boolean {
  const wanted = new Set<number>();
  let number = false;
  for (const item of Array.isArray(spec) ? spec : [spec]) {
    if (item === 'number') number = true;
    else if (typeof item === 'string') {
      const code = ALIASES[item];
      if (code === undefined) throw new StoreError('BadValue', `Unknown type name alias: ${item}`);
      wanted.add(code);
    } else if (typeof item === 'number') {
      if (!NAMES.has(item)) throw new StoreError('BadValue', `Invalid numerical type code: ${item}`);
      wanted.add(item);
    } else {
      throw new StoreError('BadValue', 'type must be represented as a number or a string');
    }
  }
  return (code) => wanted.has(code) || (number && NUMERIC.has(code));
}
