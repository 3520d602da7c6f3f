import { BSON, ObjectId } from 'bson';
import type { Document } from 'bson';

// Stored documents are decoded into plain JS values mingo understands: int32/int64/double become
// numbers (int64 stays a Long only when it does not fit a double), regexes become RegExp.
const DECODE_OPTIONS = { promoteValues: true, promoteBuffers: false, bsonRegExp: false } as const;
const ENCODE_OPTIONS = { ignoreUndefined: true, checkKeys: false } as const;

export const MAX_BSON_SIZE = 16 * 1024 * 1024;

export function decode(bytes: Uint8Array): Document {
  return BSON.deserialize(bytes, DECODE_OPTIONS);
}

export function encode(doc: Document): Uint8Array {
  return BSON.serialize(doc, ENCODE_OPTIONS);
}

const SLAB_SIZE = 4 * 1024 * 1024;
const scratch = Buffer.allocUnsafe(MAX_BSON_SIZE + 64 * 1024);
let slab = Buffer.allocUnsafe(SLAB_SIZE);
let slabUsed = 0;

/**
 * Copies bytes into a shared slab so a million small documents cost one small view each instead of
 * one ArrayBuffer (with its own bookkeeping) each. Garbage from replaced documents is reclaimed when
 * a slab has no live views left, and fully on the next open (which compacts).
 */
export function retain(bytes: Uint8Array): Uint8Array {
  if (bytes.length > SLAB_SIZE / 8) return Uint8Array.prototype.slice.call(bytes);
  if (slabUsed + bytes.length > SLAB_SIZE) {
    slab = Buffer.allocUnsafe(SLAB_SIZE);
    slabUsed = 0;
  }
  slab.set(bytes, slabUsed);
  const view = slab.subarray(slabUsed, slabUsed + bytes.length);
  // Keep views 8-byte aligned: DataView reads in bson are faster and the waste is small.
  slabUsed = (slabUsed + bytes.length + 7) & ~7;
  return view;
}

/**
 * Encodes a document into a shared scratch buffer: the view is valid only until the next call, so
 * callers compare it or `retain()` it straight away. Throws past the 16 MB BSON limit.
 */
export function encodeTransient(doc: Document): Uint8Array {
  const end = BSON.serializeWithBufferAndIndex(doc, scratch, { ...ENCODE_OPTIONS, index: 0 });
  const length = end + 1;
  if (length > MAX_BSON_SIZE) throw new RangeError(`document is larger than the maximum size ${MAX_BSON_SIZE}`);
  return scratch.subarray(0, length);
}

/** Encodes a document into slab storage. */
export function encodeForStorage(doc: Document): Uint8Array {
  return retain(encodeTransient(doc));
}

/** Returns the document with `_id` first (adding an ObjectId if missing), as MongoDB stores it. */
export function withIdFirst(doc: Document): Document {
  const keys = Object.keys(doc);
  if (keys[0] === '_id' && doc._id !== undefined) return doc;
  const out: Document = { _id: doc._id === undefined ? new ObjectId() : doc._id };
  for (const key of keys) if (key !== '_id') out[key] = doc[key];
  return out;
}
