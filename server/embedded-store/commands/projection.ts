import type { Document } from 'bson';
import { Query } from 'mingo';
import type { Options } from 'mingo/types';
import { cloneDeep } from 'mingo/util';
import { StoreError } from '../errors';
import { getPath, setPath } from '../field-path';

/** Sorts, skips and limits documents with mingo's ordering (BSON comparison order, collation-aware). */
export function sortSkipLimit(docs: Document[], spec: { sort?: Document; skip?: number; limit?: number }, options: Partial<Options>): Document[] {
  const sort = spec.sort ? stripNatural(spec.sort) : undefined;
  let out = docs;
  if (sort && Object.keys(sort).length > 0) out = new Query({}, options).find<Document>(docs).sort(sort as never).all();
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
  const { base, slices } = splitProjection(projection);
  const positional = Object.keys(base).some((key) => key.endsWith('.$'));
  const projected = Object.keys(base).length === 0 ? docs.map((doc) => cloneDeep(doc) as Document) : new Query(positional ? filter : {}, options).find<Document>(docs, base).all();
  for (const doc of projected) {
    for (const [path, spec] of slices) {
      const value = getPath(doc, path);
      if (Array.isArray(value)) setPath(doc, path, sliceArray(value, spec));
    }
  }
  return projected.map(idFirst);
}

type SliceSpec = number | [number, number];

/**
 * Splits a find projection into what mingo projects and the numeric `$slice`s applied afterwards.
 * mingo counts `{ a: { $slice: n } }` as an inclusion, but in MongoDB it neither includes nor
 * excludes: alone it keeps every field, beside exclusions it is one more kept field, and beside
 * inclusions the sliced field is included too.
 */
function splitProjection(projection: Document): { base: Document; slices: [string, SliceSpec][] } {
  const base: Document = {};
  const slices: [string, SliceSpec][] = [];
  for (const [path, value] of Object.entries(projection)) {
    const slice = sliceSpec(value);
    if (slice === null) base[path] = value;
    else slices.push([path, slice]);
  }
  const including = Object.entries(base).some(([path, value]) => path !== '_id' && value !== 0 && value !== false);
  if (including) for (const [path] of slices) base[path] = 1;
  return { base, slices };
}

function sliceSpec(value: unknown): SliceSpec | null {
  if (value === null || typeof value !== 'object' || Object.keys(value).length !== 1 || !('$slice' in value)) return null;
  const spec = (value as { $slice: unknown }).$slice;
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

function stripNatural(sort: Document): Document {
  const { $natural: _natural, ...rest } = sort;
  return rest;
}
