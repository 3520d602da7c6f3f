import type { Document } from 'bson';
import { compare } from 'mingo/util';
import type { Collection } from './collection';
import { isPlainObject } from './field-path';
import type { RangeBounds, SecondaryIndex } from './secondary-index';
import { compoundKey, isIndexableScalar, valueKey } from './value-key';

type Predicate = { eq: unknown[] } | { range: RangeBounds };

const MAX_EQ_COMBINATIONS = 1000;

/**
 * Record ids that may match `filter`, found through the `_id` index or a secondary index, or null
 * when no index helps and the caller must scan. Always a superset: every candidate is still tested
 * against the full filter by mingo, so the planner only has to be conservative, never exact.
 * `skipLeading` leaves out the indexes led by that field (a caller walking that field's index in
 * order applies its bounds itself).
 */
export function plannedRidSet(collection: Collection, filter: Document, skipLeading?: string): Set<number> | null {
  const predicates = fieldPredicates(filter);
  if (skipLeading !== undefined) predicates.delete(skipLeading);
  if (predicates.size === 0) return null;
  const rids = new Set<number>();

  const idPredicate = predicates.get('_id');
  if (idPredicate && 'eq' in idPredicate) {
    for (const value of idPredicate.eq) {
      const rid = collection.ridForId(value);
      if (rid !== undefined) rids.add(rid);
    }
    return rids;
  }

  const usable = collection.indexes
    .filter((index) => index.plannable)
    .sort((a, b) => Number(b.unique) - Number(a.unique));
  for (const index of usable) {
    const eqs = index.fields.map((field) => predicates.get(field));
    if (!eqs.every((p) => p !== undefined && 'eq' in p)) continue;
    const keys = equalityKeys(eqs.map((p) => (p as { eq: unknown[] }).eq));
    if (!keys) continue;
    for (const key of keys) index.ridsForKey(key, rids);
    return pruned(collection, predicates, rids);
  }
  // An index led by an equality usually narrows more than one led by a range, so those are tried first.
  const leadingPredicate = (index: SecondaryIndex) => predicates.get(index.fields[0] as string);
  const led = [...usable.filter((index) => isEquality(leadingPredicate(index))), ...usable.filter((index) => !isEquality(leadingPredicate(index)))];
  for (const index of led) {
    const leading = leadingPredicate(index);
    if (!leading) continue;
    if ('eq' in leading) {
      for (const value of leading.eq) index.ridsInRange({ lower: { value, inclusive: true }, upper: { value, inclusive: true } }, rids);
    } else {
      index.ridsInRange(leading.range, rids);
    }
    return pruned(collection, predicates, rids);
  }
  return null;
}

const isEquality = (predicate: Predicate | undefined): boolean => predicate !== undefined && 'eq' in predicate;

/**
 * Drops the candidates that another field's range rules out, judged from that field's index without
 * decoding the record (SecondaryIndex.rangeTest). String bounds are left alone: under a collation
 * their order is not the index's.
 */
function pruned(collection: Collection, predicates: Map<string, Predicate>, rids: Set<number>): Set<number> {
  let kept = rids;
  for (const [field, predicate] of predicates) {
    if (!('range' in predicate) || kept.size === 0) continue;
    const { lower, upper } = predicate.range;
    if (typeof lower?.value === 'string' || typeof upper?.value === 'string') continue;
    const test = collection.indexes.find((candidate) => candidate.fields[0] === field && candidate.prunable)?.rangeTest(predicate.range);
    if (!test) continue;
    // Into a new set: most candidates usually go, and deleting them one by one costs more than keeping the few.
    const next = new Set<number>();
    for (const rid of kept) if (test(rid)) next.add(rid);
    kept = next;
  }
  return kept;
}

function equalityKeys(perField: unknown[][]): string[] | null {
  let combos: string[][] = [[]];
  for (const values of perField) {
    if (combos.length * values.length > MAX_EQ_COMBINATIONS) return null;
    combos = combos.flatMap((combo) => values.map((value) => [...combo, valueKey(value)]));
  }
  return combos.map(compoundKey);
}

/** The range a filter puts on one field by itself (top level or in a top-level $and), if any. */
export function fieldBounds(filter: Document, field: string): RangeBounds | null {
  const predicate = fieldPredicates(filter).get(field);
  if (!predicate) return null;
  if ('range' in predicate) return predicate.range;
  // Equality on the sort field: the walk covers just that value (or the span of the listed values).
  const sorted = [...predicate.eq].sort(compare);
  return { lower: { value: sorted[0], inclusive: true }, upper: { value: sorted[sorted.length - 1], inclusive: true } };
}

/** Conjunctive per-field predicates an index can serve; anything else is left to mingo. */
function fieldPredicates(filter: Document, into = new Map<string, Predicate>()): Map<string, Predicate> {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) if (isPlainObject(clause)) fieldPredicates(clause, into);
      continue;
    }
    if (field.startsWith('$')) continue;
    const predicate = predicateFor(condition);
    // With two predicates on one field, keeping the first is still a superset.
    if (predicate && !into.has(field)) into.set(field, predicate);
  }
  return into;
}

function predicateFor(condition: unknown): Predicate | null {
  if (isIndexableScalar(condition)) return { eq: [condition] };
  if (!isPlainObject(condition)) return null;
  const ops = Object.keys(condition);
  if (ops.length === 0 || !ops.every((op) => op.startsWith('$'))) return null;
  if ('$eq' in condition && isIndexableScalar(condition.$eq)) return { eq: [condition.$eq] };
  if ('$in' in condition && Array.isArray(condition.$in) && condition.$in.every(isIndexableScalar)) {
    return { eq: condition.$in as unknown[] };
  }
  const range: RangeBounds = {};
  for (const [op, value] of Object.entries(condition)) {
    if (!isIndexableScalar(value)) continue;
    if (op === '$gt' || op === '$gte') range.lower = { value, inclusive: op === '$gte' };
    if (op === '$lt' || op === '$lte') range.upper = { value, inclusive: op === '$lte' };
  }
  return range.lower || range.upper ? { range } : null;
}
