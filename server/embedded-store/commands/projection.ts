import type { Document } from 'bson';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { cloneDeep } from 'mingo/util';
import { sortDocuments } from '../bson-compare';
import { StoreError } from '../errors';
import { getPath, setPath, isPlainObject } from '../field-path';

/** Sorts (in BSON comparison order, or by the collation), skips and limits documents. */
export function sortSkipLimit(docs: Document[], spec: { sort?: Document; skip?: number; limit?: number }, options: Partial<Options>): Document[] {
  const sort = spec.sort ? stripNatural(spec.sort) : undefined;
  let out = docs;
  if (sort && Object.keys(sort).length > 0) {
    // mingo implements collation-aware string order; otherwise BSON order (bson-compare.ts).
    out = options.collation ? new Query({}, options).find<Document>(docs).sort(sort as never).all() : sortDocuments(docs, sort);
  }
  const skip = spec.skip && spec.skip > 0 ? spec.skip : 0;
  const limit = spec.limit ? Math.abs(spec.limit) : 0;
  if (skip > 0 || limit > 0) out = out.slice(skip, limit > 0 ? skip + limit : undefined);
  return out;
}

/**
 * Applies a find projection to documents already chosen. The filter only serves positional
 * (`field.$`) projections: matched again, it would drop a findAndModify post-image whose update
 * changed a filtered field.
 */
export function project(docs: Document[], projection: Document | undefined, filter: Document, options: Partial<Options>): Document[] {
  if (!projection || Object.keys(projection).length === 0) return docs;
  const { base, slices, elemMatches } = splitProjection(projection);
  const positional = Object.keys(base).some((key) => key.endsWith('.$'));
  const projected = Object.keys(base).length === 0 ? docs.map((doc) => cloneDeep(doc) as Document) : new Query(positional ? filter : {}, options).find<Document>(docs, base).all();
  const matchers = elemMatches.map(([path, criteria]) => [path, elementMatcher(criteria, options)] as const);
  projected.forEach((doc, i) => {
    for (const [path, matches] of matchers) {
      const array = getPath(docs[i] as Document, path);
      const first = Array.isArray(array) ? array.find(matches) : undefined;
      if (first === undefined) delete doc[path];
      else doc[path] = [first];
    }
    for (const [path, spec] of slices) {
      const value = getPath(doc, path);
      if (Array.isArray(value)) setPath(doc, path, sliceArray(value, spec));
    }
  });
  return projected.map(idFirst);
}

type SliceSpec = number | [number, number];

/**
 * Splits a find projection into what mingo projects and the numeric `$slice`s applied afterwards.
 * mingo counts `{ a: { $slice: n } }` as an inclusion, but in MongoDB it neither includes nor
 * excludes: alone it keeps every field, beside exclusions it is one more kept field, and beside
 * inclusions the sliced field is included too.
 */
function splitProjection(projection: Document): { base: Document; slices: [string, SliceSpec][]; elemMatches: [string, Document][] } {
  const base: Document = {};
  const slices: [string, SliceSpec][] = [];
  const elemMatches: [string, Document][] = [];
  for (const [path, value] of Object.entries(projection)) {
    const slice = sliceSpec(value);
    if (slice !== null) slices.push([path, slice]);
    else if (isOnly(value, '$elemMatch') && isPlainObject(value.$elemMatch)) {
      if (path.includes('.')) throw new StoreError('BadValue', 'Cannot use $elemMatch projection on a nested field.');
      elemMatches.push([path, value.$elemMatch]);
    }
    else base[path] = value;
  }
  // An $elemMatch projection is an inclusion of its field, whose value is chosen here.
  for (const [path] of elemMatches) base[path] = 1;
  const including = Object.entries(base).some(([path, value]) => path !== '_id' && value !== 0 && value !== false);
  if (including) for (const [path] of slices) base[path] = 1;
  return { base, slices, elemMatches };
}

const LOGICAL = new Set(['$and', '$or', '$nor', '$expr']);

/**
 * Tests array elements against an `$elemMatch` projection. Criteria made only of operators
 * (`{ $in: [2] }`, `{ $gte: 4 }`) apply to the element itself, which mingo's projection refused
 * as "unknown top level operator"; the query form of `$elemMatch` already wraps them the same way.
 */
function elementMatcher(criteria: Document, options: Partial<Options>): (element: unknown) => boolean {
  const keys = Object.keys(criteria);
  if (keys.length > 0 && keys.every((key) => key.startsWith('$') && !LOGICAL.has(key))) {
    const query = new Query({ element: criteria }, options);
    return (element) => query.test({ element });
  }
  const query = new Query(criteria, options);
  return (element) => isPlainObject(element) && query.test(element);
}

function isOnly(value: unknown, operator: string): value is Document {
  return isPlainObject(value) && Object.keys(value).length === 1 && operator in value;
}


function sliceSpec(value: unknown): SliceSpec | null {
  if (!isOnly(value, '$slice')) return null;
  const spec = value.$slice;
  if (typeof spec === 'number') return Math.trunc(spec);
  // Any other form ({ $slice: ['$field', n] }) is an aggregation expression, which mingo evaluates.
  if (!Array.isArray(spec) || spec.length !== 2 || !spec.every((n) => typeof n === 'number')) return null;
  const [skip, limit] = spec as [number, number];
  if (limit <= 0) throw new StoreError('BadValue', `$slice limit must be positive, got ${limit}`);
  return [Math.trunc(skip), Math.trunc(limit)];
}

function sliceArray(array: unknown[], spec: SliceSpec): unknown[] {
  if (typeof spec === 'number') return spec >= 0 ? array.slice(0, spec) : array.slice(Math.max(0, array.length + spec));
  const [skip, limit] = spec;
  const start = skip >= 0 ? Math.min(skip, array.length) : Math.max(0, array.length + skip);
  return array.slice(start, start + limit);
}

// mingo appends _id after included fields; MongoDB always returns it first.
function idFirst(doc: Document): Document {
  if (!('_id' in doc) || Object.keys(doc)[0] === '_id') return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

export function stripNatural(sort: Document): Document {
  const { $natural: _natural, ...rest } = sort;
  return rest;
}
