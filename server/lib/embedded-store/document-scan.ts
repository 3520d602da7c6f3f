import type { Document } from 'bson';
import { Query } from 'mingo';
import type { Collection, TxnHandle } from './collection';
import { decode } from './doc-codec';
import { mingoOptions } from './mingo-options';
import { plannedRids } from './query-planner';
import { isIndexableScalar, valueKey } from './value-key';

/** What decides whether a document matches a filter. */
export interface DocTest {
  test(doc: Document): boolean;
}

/** The `_id` values an `_id: v` / `{ $eq: v }` / `{ $in: [...] }` condition accepts, when all are plain scalars. */
function exactIds(condition: unknown): unknown[] | null {
  if (isIndexableScalar(condition)) return [condition];
  if (condition === null || typeof condition !== 'object' || Object.getPrototypeOf(condition) !== Object.prototype) return null;
  const ops = Object.keys(condition);
  const spec = condition as Document;
  if (ops.length === 1 && ops[0] === '$eq' && isIndexableScalar(spec.$eq)) return [spec.$eq];
  if (ops.length === 1 && ops[0] === '$in' && Array.isArray(spec.$in) && spec.$in.every(isIndexableScalar)) return spec.$in;
  return null;
}

/**
 * Compiles a filter for testing documents. An `_id` equality or `$in` of scalars is tested through a
 * hash set of the values' index keys (what `_id` lookups use) and mingo tests the rest: mingo's `$in`
 * hashes its whole array on every test, which made "update these 1000 ids" quadratic.
 */
export function compileFilter(filter: Document, options: Parameters<typeof mingoOptions>[0]): DocTest | null {
  if (Object.keys(filter).length === 0) return null;
  const ids = Object.hasOwn(filter, '_id') ? exactIds(filter._id) : null;
  if (ids === null) return new Query(filter, mingoOptions(options));
  const { _id: _ignored, ...rest } = filter;
  const keys = new Set(ids.map(valueKey));
  const residual = Object.keys(rest).length > 0 ? new Query(rest, mingoOptions(options)) : null;
  return { test: (doc) => keys.has(valueKey(doc._id)) && (residual === null || residual.test(doc)) };
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
}

/**
 * Documents of `collection` matching `filter` as `reader` sees them, in natural (insertion) order.
 * Candidates come from an index when one applies; mingo decides every match.
 */
export function findMatches(collection: Collection | undefined, filter: Document, options: ScanOptions): Match[] {
  if (!collection) return [];
  const query = compileFilter(filter, options);
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
