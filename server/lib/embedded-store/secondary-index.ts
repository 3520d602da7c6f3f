import type { Document } from 'bson';
import { Query } from 'mingo';
import { compare } from 'mingo/util';
import { compoundKey, valueKey } from './value-key';
import { valuesAtPath } from './field-path';

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

interface Entry {
  vals: unknown[];
  rids: number | Set<number>;
}

/** The keys one document contributes to an index: compound key → per-field values. */
export type DocKeys = Map<string, unknown[]>;

// A document with several arrays in a compound index would explode combinatorially; MongoDB
// refuses parallel arrays outright, we cap instead of failing the write.
const MAX_KEYS_PER_DOC = 1000;

/**
 * A secondary index: a hash map from key to record ids (equality and uniqueness) plus a sorted view
 * of the same entries, rebuilt lazily after writes, for range scans on the leading field.
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
  private readonly entries = new Map<string, Entry>();
  private sorted: Entry[] | null = null;

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.unique = spec.unique === true;
    this.sparse = spec.sparse === true;
    this.partial = spec.partialFilterExpression ? new Query(spec.partialFilterExpression, {}) : null;
    this.indexable = Object.values(spec.key).every((d) => d === 1 || d === -1 || d === 'hashed');
    this.plannable = this.indexable && !this.partial;
  }

  /** Keys of a document, or an empty map when the index skips it (sparse, partial, text). */
  keysFor(doc: Document): DocKeys {
    const keys: DocKeys = new Map();
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
    for (const vals of combos) keys.set(compoundKey(vals.map(valueKey)), vals);
    return keys;
  }

  add(rid: number, keys: DocKeys): void {
    for (const [key, vals] of keys) {
      const entry = this.entries.get(key);
      if (!entry) {
        this.entries.set(key, { vals, rids: rid });
        this.sorted = null;
      } else if (typeof entry.rids === 'number') {
        if (entry.rids !== rid) entry.rids = new Set([entry.rids, rid]);
      } else {
        entry.rids.add(rid);
      }
    }
  }

  remove(rid: number, keys: DocKeys): void {
    for (const key of keys.keys()) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      if (typeof entry.rids === 'number') {
        if (entry.rids === rid) {
          this.entries.delete(key);
          this.sorted = null;
        }
      } else {
        entry.rids.delete(rid);
        if (entry.rids.size === 1) entry.rids = entry.rids.values().next().value as number;
      }
    }
  }

  /** The first record other than `self` already holding one of these keys, for unique enforcement. */
  findConflict(keys: DocKeys, self: number | undefined): { rid: number; vals: unknown[] } | undefined {
    if (!this.unique) return undefined;
    for (const [key, vals] of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      const rids = typeof entry.rids === 'number' ? [entry.rids] : entry.rids;
      for (const rid of rids) if (rid !== self) return { rid, vals };
    }
    return undefined;
  }

  ridsForKey(key: string, into: Set<number>): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (typeof entry.rids === 'number') into.add(entry.rids);
    else for (const rid of entry.rids) into.add(rid);
  }

  /**
   * Records whose leading-field value lies within the bounds (in mingo's BSON-like order). The
   * result is a superset of the matches; callers still test every candidate against the filter.
   */
  ridsInRange(bounds: RangeBounds, into: Set<number>): void {
    const sorted = this.sortedEntries();
    let lo = 0;
    if (bounds.lower !== undefined) {
      const { value, inclusive } = bounds.lower;
      lo = lowerBound(sorted, (entry) => {
        const c = compare(entry.vals[0], value);
        return inclusive ? c < 0 : c <= 0;
      });
    }
    for (let i = lo; i < sorted.length; i++) {
      const entry = sorted[i] as Entry;
      if (bounds.upper !== undefined) {
        const c = compare(entry.vals[0], bounds.upper.value);
        if (c > 0 || (c === 0 && !bounds.upper.inclusive)) break;
      }
      if (typeof entry.rids === 'number') into.add(entry.rids);
      else for (const rid of entry.rids) into.add(rid);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private sortedEntries(): Entry[] {
    if (!this.sorted) this.sorted = [...this.entries.values()].sort((a, b) => compare(a.vals[0], b.vals[0]));
    return this.sorted;
  }
}

export interface RangeBounds {
  lower?: { value: unknown; inclusive: boolean };
  upper?: { value: unknown; inclusive: boolean };
}

/** First index whose entry does not satisfy `before` (entries satisfying it form a prefix). */
function lowerBound(sorted: readonly Entry[], before: (entry: Entry) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid] as Entry)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
