import type { Document } from 'bson';
import { Query } from 'mingo';
import type { Options } from 'mingo/types';

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
  const positional = Object.keys(projection).some((key) => key.endsWith('.$'));
  const projected = new Query(positional ? filter : {}, options).find<Document>(docs, projection).all();
  return projected.map(idFirst);
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
