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

/**
 * Decodes only the named top-level fields. Index maintenance needs `_id` and the indexed fields, and
 * skipping the rest makes reopening a large store several times faster than a full decode.
 */
export function decodeFields(bytes: Uint8Array, names: FieldNames): Document {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const picked: [number, number][] = [];
  let size = 5;
  let at = 4;
  while (at < view.length - 1) {
    const start = at;
    const type = view[at] as number;
    const nameEnd = view.indexOf(0, at + 1);
    at = elementEnd(view, type, nameEnd + 1);
    if (names.matches(view, start + 1, nameEnd)) {
      picked.push([start, at]);
      size += at - start;
    }
  }
  const doc = Buffer.allocUnsafe(size);
  doc.writeInt32LE(size, 0);
  let offset = 4;
  for (const [start, end] of picked) offset += view.copy(doc, offset, start, end);
  doc[offset] = 0;
  return decode(doc);
}

/** A set of field names matched against raw BSON bytes without decoding each name to a string. */
export class FieldNames {
  private readonly encoded: Buffer[];
  constructor(names: Iterable<string>) {
    this.encoded = [...new Set(names)].map((name) => Buffer.from(name, 'utf8'));
  }

  matches(view: Buffer, start: number, end: number): boolean {
    const length = end - start;
    outer: for (const name of this.encoded) {
      if (name.length !== length) continue;
      for (let i = 0; i < length; i++) if (name[i] !== view[start + i]) continue outer;
      return true;
    }
    return false;
  }
}

/** Offset just past an element's value, by BSON type. */
function elementEnd(view: Buffer, type: number, valueAt: number): number {
  switch (type) {
    case 0x01: case 0x09: case 0x11: case 0x12:
      return valueAt + 8;
    case 0x02: case 0x0d: case 0x0e:
      return valueAt + 4 + view.readInt32LE(valueAt);
    case 0x03: case 0x04: case 0x0f:
      return valueAt + view.readInt32LE(valueAt);
    case 0x05:
      return valueAt + 5 + view.readInt32LE(valueAt);
    case 0x06: case 0x0a: case 0xff: case 0x7f:
      return valueAt;
    case 0x07:
      return valueAt + 12;
    case 0x08:
      return valueAt + 1;
    case 0x0b:
      return view.indexOf(0, view.indexOf(0, valueAt) + 1) + 1;
    case 0x0c:
      return valueAt + 4 + view.readInt32LE(valueAt) + 12;
    case 0x10:
      return valueAt + 4;
    case 0x13:
      return valueAt + 16;
    default:
      throw new Error(`unknown BSON type 0x${type.toString(16)}`);
  }
}
