import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { compare } from 'mingo/util';
import { compoundKey, keyValue, orderedKeyKind, splitCompoundKey, valueKey } from './value-key';
import { valuesAtPath } from './field-path';
import { mingoOptions } from './mingo-options';

export interface IndexSpec {
  v?: number;
  key: Record<string, number | string>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Document;
  expireAfterSeconds?: number;
  [option: string]: unknown;
}

/** Record ids under one key: a bare number for the common single-record case saves a Set per key. */
type Rids = number | Set<number>;

interface SortedEntry {
  leading: unknown;
  key: string;
}

/** The keys one document contributes to an index. */
export type DocKeys = Set<string>;

// A document with several arrays in a compound index would explode combinatorially; MongoDB
// refuses parallel arrays outright, we cap instead of failing the write.
const MAX_KEYS_PER_DOC = 1000;

// Key changes patched into a built sorted view (a binary search and a splice each) before the view
// is dropped and rebuilt on next use: a steady trickle of writes keeps the view, a bulk load rebuilds once.
const MAX_SORTED_EDITS = 4096;

/**
 * A secondary index: a hash map from key to record ids (equality and uniqueness) plus a sorted view
 * of the keys, built when a range query or an ordered walk first needs it and then patched on each key
 * change (dropped after MAX_SORTED_EDITS patches, to be rebuilt once). Values
 * are not stored beside keys (a million-entry index would pay for them twice); they are decoded
 * from the key when needed.
 */
export class SecondaryIndex {
  readonly spec: IndexSpec;
  readonly fields: string[];
  readonly unique: boolean;
  readonly sparse: boolean;
  /** Text/geo indexes are accepted for compatibility but hold no keys and answer no queries. */
  readonly indexable: boolean;
  /** Partial indexes miss documents, so only full indexes may narrow a query. */
  readonly plannable: boolean;
  private readonly partial: Query | null;
  private readonly entries = new Map<string, Rids>();
  private sorted: SortedEntry[] | null = null;
  private sortedEdits = 0;
  /** Entries per leading-value kind ('n' | 's' | 'd', or 'other'): an in-order walk needs one kind only. */
  private readonly kinds = new Map<string, number>();
  /** Set once a document contributed several keys (an array value); MongoDB's multikey flag is sticky too. */
  private multikey = false;
  /**
   * Each record's leading value, built when a query first prunes candidates by this index (see
   * rangeTest) and kept up to date from then on; dropped for good once the index turns multikey.
   */
  private leadingByRid: Map<number, unknown> | null = null;

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.unique = spec.unique === true;
    this.sparse = spec.sparse === true;
    this.partial = spec.partialFilterExpression ? new Query(spec.partialFilterExpression, mingoOptions()) : null;
    this.indexable = Object.values(spec.key).every((d) => d === 1 || d === -1 || d === 'hashed');
    this.plannable = this.indexable && !this.partial;
  }

  /** Keys of a document, or an empty map when the index skips it (sparse, partial, text). */
  keysFor(doc: Document): DocKeys {
    const keys: DocKeys = new Set();
    if (!this.indexable) return keys;
    if (this.partial && !this.partial.test(doc)) return keys;
    const perField = this.fields.map((field) => valuesAtPath(doc, field));
    if (this.sparse && perField.every((values) => values.length === 0)) return keys;
    let combos: unknown[][] = [[]];
    for (const values of perField) {
      const choices = values.length === 0 ? [undefined] : values;
      const next: unknown[][] = [];
      for (const combo of combos) {
        for (const choice of choices) {
          if (next.length < MAX_KEYS_PER_DOC) next.push([...combo, choice]);
        }
      }
      combos = next;
    }
    for (const vals of combos) keys.add(compoundKey(vals.map(valueKey)));
    return keys;
  }

  add(rid: number, keys: DocKeys): void {
    if (keys.size > 1) this.becomeMultikey();
    for (const key of keys) {
      this.leadingByRid?.set(rid, leadingValue(key));
      const rids = this.entries.get(key);
      if (rids === undefined) {
        this.entries.set(key, rid);
        this.entryAdded(key);
      } else if (typeof rids === 'number') {
        if (rids !== rid) this.entries.set(key, new Set([rids, rid]));
      } else {
        rids.add(rid);
      }
    }
  }

  /**
   * Moves a record from its old keys to its new ones, touching only the keys that changed: an update
   * leaving the indexed fields alone keeps the entries (and the sorted view) as they were.
   */
  update(rid: number, before: DocKeys, after: DocKeys): void {
    if (after.size > 1) this.becomeMultikey();
    const removed = new Set<string>();
    for (const key of before) if (!after.has(key)) removed.add(key);
    const added = new Set<string>();
    for (const key of after) if (!before.has(key)) added.add(key);
    this.remove(rid, removed);
    this.add(rid, added);
  }

  remove(rid: number, keys: DocKeys): void {
    // Single-key: the one key the record had is going (update removes only a changed key, then adds the new one).
    if (keys.size > 0) this.leadingByRid?.delete(rid);
    for (const key of keys) {
      const rids = this.entries.get(key);
      if (rids === undefined) continue;
      if (typeof rids === 'number') {
        if (rids === rid) {
          this.entries.delete(key);
          this.entryRemoved(key);
        }
      } else {
        rids.delete(rid);
        if (rids.size === 1) this.entries.set(key, rids.values().next().value as number);
      }
    }
  }

  /** The first record other than `self` already holding one of these keys, for unique enforcement. */
  findConflict(keys: DocKeys, self: number | undefined): { rid: number; vals: unknown[] } | undefined {
    if (!this.unique) return undefined;
    for (const key of keys) {
      const rids = this.entries.get(key);
      if (rids === undefined) continue;
      for (const rid of typeof rids === 'number' ? [rids] : rids) {
        if (rid !== self) return { rid, vals: splitCompoundKey(key).map(keyValue) };
      }
    }
    return undefined;
  }

  ridsForKey(key: string, into: Set<number>): void {
    addRids(this.entries.get(key), into);
  }

  /**
   * Records whose leading-field value lies within the bounds (in mingo's BSON-like order). The
   * result is a superset of the matches; callers still test every candidate against the filter.
   */
  ridsInRange(bounds: RangeBounds, into: Set<number>): void {
    const sorted = this.sortedEntries();
    const [lo, hi] = this.span(sorted, bounds);
    for (let i = lo; i < hi; i++) addRids(this.entries.get((sorted[i] as SortedEntry).key), into);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether rangeTest can judge records: a full, single-key, ordered (not hashed) index. */
  get prunable(): boolean {
    return this.plannable && !this.multikey && this.spec.key[this.fields[0] as string] !== 'hashed';
  }

  /**
   * A test that is false only for records whose leading value is known and lies outside `bounds`,
   * i.e. that ridsInRange(bounds) would leave out; so dropping the candidates it rejects keeps a
   * superset of the matches. Lets a query narrowed by one index skip, without decoding them, the
   * records another index's range rules out (the inbox's "due soon": a team's cases, warned but not
   * due). Null when this index cannot judge (multikey, partial, hashed).
   */
  rangeTest(bounds: RangeBounds): ((rid: number) => boolean) | null {
    if (!this.prunable) return null;
    const byRid = this.leadingByRids();
    const { lower, upper } = bounds;
    return (rid) => {
      const leading = byRid.get(rid);
      if (leading === undefined && !byRid.has(rid)) return true;
      return !(lower !== undefined && belowLower(leading, lower)) && (upper === undefined || withinUpper(leading, upper));
    };
  }

  private leadingByRids(): Map<number, unknown> {
    if (!this.leadingByRid) {
      const byRid = new Map<number, unknown>();
      for (const [key, rids] of this.entries) {
        const leading = leadingValue(key);
        if (typeof rids === 'number') byRid.set(rids, leading);
        else for (const rid of rids) byRid.set(rid, leading);
      }
      this.leadingByRid = byRid;
    }
    return this.leadingByRid;
  }

  private becomeMultikey(): void {
    this.multikey = true;
    this.leadingByRid = null;
  }

  /**
   * Whether walking the sorted view visits documents in MongoDB's sort order for the leading field:
   * a full, single-key index whose leading values are all numbers, all strings or all dates.
   */
  get walkable(): boolean {
    if (!this.plannable || this.sparse || this.multikey || this.spec.key[this.fields[0] as string] === 'hashed') return false;
    return this.kinds.size === 1 && !this.kinds.has('other');
  }

  /**
   * Visits the entries in leading-value order (descending when `direction` is -1), each with its
   * record ids and its leading value, within `bounds` when given; stops when `visit` returns false.
   */
  walk(direction: 1 | -1, visit: (leading: unknown, rids: Iterable<number>) => boolean, bounds: RangeBounds = {}): void {
    const sorted = this.sortedEntries();
    const [lo, hi] = this.span(sorted, bounds);
    for (let i = 0; i < hi - lo; i++) {
      const entry = sorted[direction === 1 ? lo + i : hi - 1 - i] as SortedEntry;
      const rids = this.entries.get(entry.key);
      if (rids === undefined) continue;
      if (!visit(entry.leading, typeof rids === 'number' ? [rids] : rids)) return;
    }
  }

  /** Positions [lo, hi) of the sorted entries whose leading value lies within the bounds. */
  private span(sorted: readonly SortedEntry[], bounds: RangeBounds): [number, number] {
    const { lower, upper } = bounds;
    const lo = lower === undefined ? 0 : lowerBound(sorted, (entry) => belowLower(entry.leading, lower));
    const hi = upper === undefined ? sorted.length : lowerBound(sorted, (entry) => withinUpper(entry.leading, upper));
    return [lo, Math.max(lo, hi)];
  }

  private entryAdded(key: string): void {
    this.countKind(key, 1);
    const sorted = this.sortedToEdit();
    if (!sorted) return;
    const leading = leadingValue(key);
    sorted.splice(firstAtOrAfter(sorted, leading), 0, { leading, key });
  }

  private entryRemoved(key: string): void {
    this.countKind(key, -1);
    const sorted = this.sortedToEdit();
    if (!sorted) return;
    const leading = leadingValue(key);
    for (let i = firstAtOrAfter(sorted, leading); i < sorted.length && compare((sorted[i] as SortedEntry).leading, leading) === 0; i++) {
      if ((sorted[i] as SortedEntry).key === key) {
        sorted.splice(i, 1);
        return;
      }
    }
    this.sorted = null;
  }

  private countKind(key: string, delta: 1 | -1): void {
    const kind = orderedKeyKind(key) ?? 'other';
    const count = (this.kinds.get(kind) ?? 0) + delta;
    if (count > 0) this.kinds.set(kind, count);
    else this.kinds.delete(kind);
  }

  /** The built sorted view to patch for one key change, or null (none built, or dropped once over budget). */
  private sortedToEdit(): SortedEntry[] | null {
    if (this.sorted && ++this.sortedEdits > MAX_SORTED_EDITS) this.sorted = null;
    return this.sorted;
  }

  private sortedEntries(): SortedEntry[] {
    if (!this.sorted) {
      this.sorted = [...this.entries.keys()]
        .map((key) => ({ leading: leadingValue(key), key }))
        .sort((a, b) => compare(a.leading, b.leading));
      this.sortedEdits = 0;
    }
    return this.sorted;
  }
}

export interface RangeBounds {
  lower?: { value: unknown; inclusive: boolean };
  upper?: { value: unknown; inclusive: boolean };
}

const ordered = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * mingo's order (`compare`), with two dates or two numbers compared directly as mingo itself compares
 * them: what range scans and pruning meet most.
 */
function orderOf(a: unknown, b: unknown): number {
  if (a instanceof Date && b instanceof Date) return ordered(a.getTime(), b.getTime());
  if (typeof a === 'number' && typeof b === 'number') return ordered(a, b);
  return compare(a, b);
}

/** Whether a leading value lies below a range's lower bound: what a range scan and pruning leave out. */
function belowLower(leading: unknown, lower: NonNullable<RangeBounds['lower']>): boolean {
  const c = orderOf(leading, lower.value);
  return lower.inclusive ? c < 0 : c <= 0;
}

/** Whether a leading value lies at or under a range's upper bound. */
function withinUpper(leading: unknown, upper: NonNullable<RangeBounds['upper']>): boolean {
  const c = orderOf(leading, upper.value);
  return upper.inclusive ? c <= 0 : c < 0;
}

/** Position of the first entry whose leading value is not below `leading`. */
function firstAtOrAfter(sorted: readonly SortedEntry[], leading: unknown): number {
  return lowerBound(sorted, (entry) => compare(entry.leading, leading) < 0);
}

function leadingValue(key: string): unknown {
  return keyValue(splitCompoundKey(key)[0] as string);
}

function addRids(rids: Rids | undefined, into: Set<number>): void {
  if (rids === undefined) return;
  if (typeof rids === 'number') into.add(rids);
  else for (const rid of rids) into.add(rid);
}

/** First index whose entry does not satisfy `before` (entries satisfying it form a prefix). */
function lowerBound(sorted: readonly SortedEntry[], before: (entry: SortedEntry) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid] as SortedEntry)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
