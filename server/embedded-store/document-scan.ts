import { Long, ObjectId, type Document } from 'bson';
import { Query } from 'mingo/query';
import { compare } from 'mingo/util';
import type { Collection, TxnHandle } from './collection';
import { decode, decodeFields, FieldNames } from './doc-codec';
import { mingoOptions } from './mingo-options';
import { validateFilter } from './filter-validation';
import { fieldBounds, plannedRidSet } from './query-planner';
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
  const read = recordReader(collection, filter, query, options.reader);
  const consider = (rid: number): boolean => {
    const doc = read(rid);
    if (doc) matches.push({ rid, doc });
    return matches.length < limit;
  };

  const planned = query ? plannedRidSet(collection, filter) : null;
  if (planned) {
    // Records another transaction changed may match in their committed form though the index
    // now holds their new keys, so they are always candidates.
    for (const [rid, own] of collection.owned) if (own.txn !== options.reader) planned.add(rid);
    const ordered = [...planned].sort((a, b) => a - b);
    for (const rid of ordered) if (!consider(rid)) break;
    return matches;
  }
  for (let rid = 0; rid < collection.ridLimit; rid++) if (!consider(rid)) break;
  return matches;
}

// With at most this many index candidates (beyond the rows asked for), testing them all and sorting
// costs less than walking a sort index past the ones that are not candidates.
const FEW_CANDIDATES = 256;

/**
 * Matches of a sorted, limited find taken by walking an index on the sort field in sort order and
 * stopping once `need` documents match and the sort value changes; null when no index allows it
 * (then the caller scans and sorts). The result holds every document that can be among the first
 * `need` in sort order, in natural order, so sorting it stably gives exactly the scan's answer:
 * ties at the boundary are all taken. Candidates from the planner, when it has some, are still
 * honoured (records outside them are skipped without decoding). Not used while a transaction has
 * records in flight on the collection, whose committed and pending forms sit under different keys.
 */
export function findSortedMatches(collection: Collection | undefined, filter: Document, sort: Document, need: number, options: ScanOptions): Match[] | null {
  const query = options.compiled !== undefined ? options.compiled : compileFilter(filter, options);
  if (!collection || options.collation || collection.owned.size > 0) return null;
  const fields = Object.keys(sort);
  if (fields.length !== 1 || need <= 0) return null;
  const field = fields[0] as string;
  const direction = sort[field] === -1 ? -1 : sort[field] === 1 ? 1 : null;
  const index = collection.indexes.find((candidate) => candidate.fields[0] === field && candidate.walkable);
  if (!direction || !index) return null;
  // The walk applies the filter's bounds on the sort field itself; other indexed fields narrow the
  // records it decodes, unless they narrow so far that testing those few and sorting is cheaper.
  const bounds = (query && fieldBounds(filter, field)) || {};
  const candidates = query ? plannedRidSet(collection, filter, field) : null;
  const matches: Match[] = [];
  const read = recordReader(collection, filter, query, options.reader);
  if (candidates && candidates.size <= FEW_CANDIDATES + need) {
    // Every match among so few: the caller's sort takes the head (planned once, not again by a scan).
    for (const rid of [...candidates].sort((a, b) => a - b)) {
      const doc = read(rid);
      if (doc) matches.push({ rid, doc });
    }
    return matches;
  }
  let boundary: unknown;
  index.walk(direction, (leading, rids) => {
    if (matches.length >= need && compare(leading, boundary) !== 0) return false;
    for (const rid of rids) {
      if (candidates && !candidates.has(rid)) continue;
      const doc = read(rid);
      if (!doc) continue;
      matches.push({ rid, doc });
      boundary = leading;
    }
    return true;
  }, bounds);
  return matches.sort((a, b) => a.rid - b.rid);
}

// Top-level operators whose clauses name fields the usual way; any other ($expr, $where, $text,
// $jsonSchema...) may read any field, so the whole document is decoded for it.
const FIELD_CLAUSES = new Set(['$and', '$or', '$nor', '$comment']);

/** The top-level fields a filter reads, or null when it may read any. */
export function filterFields(filter: Document, into = new Set<string>()): Set<string> | null {
  for (const [field, condition] of Object.entries(filter)) {
    if (!field.startsWith('$')) {
      into.add(field.split('.')[0] as string);
      continue;
    }
    if (!FIELD_CLAUSES.has(field)) return null;
    if (field === '$comment') continue;
    if (!Array.isArray(condition)) return null;
    for (const clause of condition) {
      if (clause === null || typeof clause !== 'object' || filterFields(clause as Document, into) === null) return null;
    }
  }
  return into;
}

/**
 * Reads a record as `reader` sees it and returns it decoded when it matches, else null. The test
 * runs on just the fields the filter reads (a case's timeline and clocks are most of its bytes, and
 * most records tested do not match); only a match is decoded whole.
 */
function recordReader(collection: Collection, filter: Document, query: DocTest | null, reader: TxnHandle | null): (rid: number) => Document | null {
  const fields = query ? filterFields(filter) : null;
  const names = fields ? new FieldNames(fields) : null;
  return (rid) => {
    const bytes = collection.visibleBytes(rid, reader);
    if (!bytes) return null;
    if (!query) return decode(bytes);
    if (names) return query.test(decodeFields(bytes, names)) ? decode(bytes) : null;
    const doc = decode(bytes);
    return query.test(doc) ? doc : null;
  };
}

/** Number of documents `reader` can see, without decoding any when nothing is in flight. */
export function countVisible(collection: Collection | undefined, reader: TxnHandle | null): number {
  if (!collection) return 0;
  if (collection.owned.size === 0) return collection.liveCount;
  let count = 0;
  for (let rid = 0; rid < collection.ridLimit; rid++) if (collection.visibleBytes(rid, reader)) count++;
  return count;
}
