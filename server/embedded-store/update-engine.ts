import { ObjectId } from 'bson';
import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { update as mingoUpdate } from 'mingo/updater';
import type { Options } from 'mingo/types';
import { StoreError } from './errors';
import { setPath, isPlainObject } from './field-path';
import { checkConflicts, resolvePositional } from './positional-paths';
import { prepareModifier } from './update-checks';
import { valueKey } from './value-key';

export type UpdateDoc = Document | Document[];

export interface UpdateContext {
  filter: Document;
  arrayFilters?: Document[];
  options: Partial<Options>;
}

/** True for a whole-document replacement (no update operators, not a pipeline). */
export function isReplacement(update: UpdateDoc): boolean {
  if (Array.isArray(update)) return false;
  const keys = Object.keys(update);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length > 0 && operators.length < keys.length) {
    throw new StoreError('FailedToParse', 'Update document mixes operators and plain fields');
  }
  return operators.length === 0;
}

/**
 * Applies an update to a decoded document and returns the new document. `$setOnInsert` is
 * ignored here (mingo does not know it; MongoDB applies it only when an upsert inserts).
 */
export function applyUpdate(doc: Document, update: UpdateDoc, context: UpdateContext): Document {
  let next: Document;
  if (Array.isArray(update)) {
    next = new Aggregator(update, context.options).run([doc])[0] ?? {};
  } else if (isReplacement(update)) {
    next = { _id: doc._id, ...(update as Document) };
  } else {
    checkConflicts(update as Document);
    const { $setOnInsert: _ignored, ...modifier } = update as Document;
    next = doc;
    if (Object.keys(modifier).length > 0) {
      runMingoUpdate(next, modifier, context.arrayFilters, context.filter, context.options);
    }
  }
  if (valueKey(next._id) !== valueKey(doc._id)) {
    throw new StoreError('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return next;
}

/** The document an upsert inserts when nothing matched: filter equalities, then the update. */
export function buildUpsertDocument(update: UpdateDoc, context: UpdateContext): Document {
  const seed = equalityFields(context.filter);
  let doc: Document;
  if (Array.isArray(update)) {
    doc = new Aggregator(update, context.options).run([seed])[0] ?? {};
  } else if (isReplacement(update)) {
    doc = { ...(update as Document) };
    if (doc._id === undefined && seed._id !== undefined) doc._id = seed._id;
  } else {
    checkConflicts(update as Document);
    const { $setOnInsert, ...modifier } = update as Document;
    doc = seed;
    const combined: Document = { ...modifier };
    if ($setOnInsert) combined.$set = { ...(modifier.$set as Document | undefined), ...($setOnInsert as Document) };
    if (Object.keys(combined).length > 0) {
      runMingoUpdate(doc, combined, context.arrayFilters, {}, context.options);
    }
  }
  if (doc._id === undefined) doc = { _id: new ObjectId(), ...doc };
  return doc;
}

const PLAIN_SEGMENT = /^(?!\d+$)[^$.]+$/;

type SimpleOp = '$set' | '$inc' | '$push' | '$addToSet';
const SIMPLE_OPS: ReadonlySet<string> = new Set<SimpleOp>(['$set', '$inc', '$push', '$addToSet']);

/** A `$push` value with modifiers (`$each`, `$slice`...) or operators in it: mingo's to apply. */
const hasDollarKeys = (value: unknown): boolean => isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$'));

/**
 * The values an `$addToSet` adds: one value, or the items of `{ $each: [...] }`; null for any other
 * `$`-keyed value (mingo's to refuse).
 */
function addToSetItems(value: unknown): unknown[] | null {
  if (!hasDollarKeys(value)) return [value];
  const keys = Object.keys(value as Document);
  return keys.length === 1 && keys[0] === '$each' && Array.isArray((value as Document).$each) ? ((value as Document).$each as unknown[]) : null;
}

/**
 * MongoDB's `$addToSet`: each value not yet in the array (by MongoDB's equality, as index keys compare)
 * is appended; what is there already, duplicates included, stays. (mingo's own rebuilds the array as a
 * set, so an array already holding a duplicate lost it, or gained nothing.)
 */
function addToSet(list: unknown[], items: readonly unknown[]): void {
  const present = new Set(list.map(valueKey));
  for (const item of items) {
    const key = valueKey(item);
    if (!present.has(key)) {
      present.add(key);
      list.push(item);
    }
  }
}

/**
 * `$set` / `$inc` / `$push` / `$addToSet` of plain, non-overlapping dotted paths through plain objects
 * (the shape of nearly every application update: counters, and a case's timeline entry pushed with
 * its fields set), applied directly. mingo builds its operator tables afresh on every update call,
 * which dominated bulk writes and case changes; anything this path does not recognise (positional
 * paths, non-number increments, `$push` modifiers, a push onto a non-array, conflicts, other
 * operators) returns false and is left to mingo, so semantics and error codes stay mingo's /
 * MongoDB's.
 */
function applySimpleUpdate(doc: Document, modifier: Document): boolean {
  const steps: { parts: string[]; op: SimpleOp; value: unknown; items?: unknown[] }[] = [];
  for (const [op, fields] of Object.entries(modifier)) {
    if (!SIMPLE_OPS.has(op) || !isPlainObject(fields)) return false;
    for (const [path, value] of Object.entries(fields)) {
      const parts = path.split('.');
      if (parts[0] === '_id' || !parts.every((part) => PLAIN_SEGMENT.test(part))) return false;
      if (op === '$inc' && (typeof value !== 'number' || !Number.isFinite(value))) return false;
      if (op === '$push' && hasDollarKeys(value)) return false;
      const items = op === '$addToSet' ? addToSetItems(value) : undefined;
      if (items === null) return false;
      steps.push({ parts, op: op as SimpleOp, value, ...(items ? { items } : {}) });
    }
  }
  const paths = steps.map((step) => step.parts.join('.')).sort();
  for (let i = 1; i < paths.length; i++) {
    const [previous, current] = [paths[i - 1] as string, paths[i] as string];
    if (current === previous || current.startsWith(`${previous}.`)) return false;
  }
  // Check every step before changing anything, so a fallback starts from the untouched document.
  for (const { parts, op } of steps) {
    let node: unknown = doc;
    for (const part of parts.slice(0, -1)) {
      node = (node as Document)[part];
      if (node === undefined) break;
      if (!isPlainObject(node)) return false;
    }
    if (op === '$set' || !isPlainObject(node)) continue;
    const current = (node as Document)[parts[parts.length - 1] as string];
    if (current === undefined) continue;
    if (op === '$inc' ? typeof current !== 'number' : !Array.isArray(current)) return false;
  }
  for (const { parts, op, value, items } of steps) {
    let node: Document = doc;
    for (const part of parts.slice(0, -1)) {
      if (node[part] === undefined) node[part] = {};
      node = node[part] as Document;
    }
    const leaf = parts[parts.length - 1] as string;
    if (op === '$set') node[leaf] = value;
    else if (op === '$inc') node[leaf] = ((node[leaf] as number | undefined) ?? 0) + (value as number);
    else {
      const list = (node[leaf] ?? (node[leaf] = [])) as unknown[];
      if (op === '$push') list.push(value);
      else addToSet(list, items ?? []);
    }
  }
  return true;
}

/** mingo's update, with its errors mapped to the codes MongoDB uses for the same mistakes. */
function runMingoUpdate(doc: Document, raw: Document, arrayFilters: Document[] | undefined, filter: Document, options: Partial<Options>): void {
  // Positional paths become concrete ones first, so mingo never sees arrayFilters or `$`.
  const modifier = prepareModifier(doc, resolvePositional(doc, raw, filter, arrayFilters, options), options);
  if (Object.keys(modifier).length === 0) return;
  if (applySimpleUpdate(doc, modifier)) return;
  try {
    mingoUpdate(doc, modifier as never, undefined, filter, { cloneMode: 'deep', queryOptions: options });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/immutable field/i.test(message)) throw new StoreError('ImmutableField', message);
    if (/unknown update operator/i.test(message)) throw new StoreError('FailedToParse', message);
    throw error;
  }
}

/** Fields an equality filter pins down (`{a: 1}`, `{a: {$eq: 1}}`, inside `$and`). */
function equalityFields(filter: Document, into: Document = {}): Document {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const clause of value) if (isPlainObject(clause)) equalityFields(clause, into);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (isPlainObject(value)) {
      const operators = Object.keys(value).filter((k) => k.startsWith('$'));
      if (operators.length === 0) setPath(into, key, value);
      else if ('$eq' in value) setPath(into, key, value.$eq);
      continue;
    }
    if (!(value instanceof RegExp)) setPath(into, key, value);
  }
  return into;
}

