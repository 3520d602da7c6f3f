import { Long, ObjectId, type Document } from 'bson';
import { Query } from 'mingo/query';
import type { Collection, TxnHandle } from './collection';
import { decode } from './doc-codec';
import { mingoOptions } from './mingo-options';
import { validateFilter } from './filter-validation';
import { plannedRids } from './query-planner';
import { isIndexableScalar, valueKey } from './value-key';

/** What decides whether a document matches a filter. */
export interface DocTest {
  test(doc: Document): boolean;
}

/** The values a `field: v` / `{ $eq: v }` / `{ $in: [...] }` condition accepts, when all are plain scalars. */
function exactScalars(condition: unknown): unknown[] | null {
  if (isIndexableScalar(condition)) return [condition];
  if (condition === null || typeof condition !== 'object' || Object.getPrototypeOf(condition) !== Object.prototype) return null;
  const ops = Object.keys(condition);
  const spec = condition as Document;
  if (ops.length === 1 && ops[0] === '$eq' && isIndexableScalar(spec.$eq)) return [spec.$eq];
  if (ops.length === 1 && ops[0] === '$in' && Array.isArray(spec.$in) && spec.$in.every(isIndexableScalar)) return spec.$in;
  return null;
}

/** Stored values whose equality `valueKey` captures exactly; anything else (Decimal128, documents...) is left to mingo. */
function keyDecides(value: unknown): boolean {
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || value == null || value instanceof ObjectId || value instanceof Date || value instanceof Long;
}

/** true / false when the keys decide whether `value` (a top-level field's value) matches; null when mingo must. */
function matchesKeys(value: unknown, keys: Set<string>): boolean | null {
  if (Array.isArray(value)) {
    // A scalar condition matches an array holding the value as one of its elements.
    if (!value.every(keyDecides)) return null;
    return value.some((element) => keys.has(valueKey(element)));
  }
  return keyDecides(value) ? keys.has(valueKey(value)) : null;
}

/**
 * Compiles a filter for testing documents. Top-level equality and `$in` conditions on plain scalars
 * (`{ key: "..." }`, `{ _id: { $in: [...] } }`, `{ status: { $in: [...] } }`) are tested through hash
 * sets of the values' index keys (what index lookups use) and mingo tests the rest: building a mingo
 * Query costs more than most single-document writes, and mingo's `$in` hashes its whole array on
 * every test, which made "update these 1000 ids" quadratic. A stored value the keys cannot judge
 * exactly sends that document to mingo with the whole filter. With a collation, string equality is
 * the collation's, so only `_id` takes the fast path.
 */
export function compileFilter(filter: Document, options: Parameters<typeof mingoOptions>[0]): DocTest | null {
  validateFilter(filter);
  if (Object.keys(filter).length === 0) return null;
  const exact: [string, Set<string>][] = [];
  const rest: Document = {};
  for (const [field, condition] of Object.entries(filter)) {
    const eligible = field === '_id' || (!options?.collation && !field.startsWith('$') && !field.includes('.'));
    const values = eligible ? exactScalars(condition) : null;
    if (values) exact.push([field, new Set(values.map(valueKey))]);
    else rest[field] = condition;
  }
  // Compiled now even when the fast path decides most documents: a bad operator fails before any scan.
  if (exact.length === 0) return new Query(filter, mingoOptions(options));
  const residual = Object.keys(rest).length > 0 ? new Query(rest, mingoOptions(options)) : null;
  let whole: Query | null = null;
  return {
    test: (doc) => {
      for (const [field, keys] of exact) {
        const verdict = matchesKeys(doc[field], keys);
        if (verdict === null) return (whole ??= new Query(filter, mingoOptions(options))).test(doc);
        if (!verdict) return false;
      }
      return residual === null || residual.test(doc);
    },
  };
}

export interface Match {
  rid: number;
  doc: Document;
}

export interface ScanOptions {
  reader: TxnHandle | null;
  /** Stop after this many matches (only valid when the caller does not sort). */
  limit?: number;
  collation?: Document;
  variables?: Document;
  /** The filter already compiled (a write statement compiles it once for finding and re-testing). */
  compiled?: DocTest | null;
}

/**
 * Documents of `collection` matching `filter` as `reader` sees them, in natural (insertion) order.
 * Candidates come from an index when one applies; mingo decides every match.
 */
export function findMatches(collection: Collection | undefined, filter: Document, options: ScanOptions): Match[] {
  // The filter compiles (and so is validated) before anything is read, as MongoDB parses it first.
  const query = options.compiled !== undefined ? options.compiled : compileFilter(filter, options);
  if (!collection) return [];
  const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
  const matches: Match[] = [];
  const consider = (rid: number): boolean => {
    const bytes = collection.visibleBytes(rid, options.reader);
    if (!bytes) return true;
    const doc = decode(bytes);
    if (query && !query.test(doc)) return true;
    matches.push({ rid, doc });
    return matches.length < limit;
  };

  const planned = query ? plannedRids(collection, filter) : null;
  if (planned) {
    // Records another transaction changed may match in their committed form though the index
    // now holds their new keys, so they are always candidates.
    for (const [rid, own] of collection.owned) if (own.txn !== options.reader) planned.push(rid);
    const ordered = [...new Set(planned)].sort((a, b) => a - b);
    for (const rid of ordered) if (!consider(rid)) break;
    return matches;
  }
  for (let rid = 0; rid < collection.ridLimit; rid++) if (!consider(rid)) break;
  return matches;
}

/** Number of documents `reader` can see, without decoding any when nothing is in flight. */
export function countVisible(collection: Collection | undefined, reader: TxnHandle | null): number {
  if (!collection) return 0;
  if (collection.owned.size === 0) return collection.liveCount;
  let count = 0;
  for (let rid = 0; rid < collection.ridLimit; rid++) if (collection.visibleBytes(rid, reader)) count++;
  return count;
}
