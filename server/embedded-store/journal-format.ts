import { crc32 } from 'node:zlib';

/** One logged change. Documents travel as their stored BSON bytes so replay needs no re-encoding. */
export type JournalOp =
  | { kind: 'put'; ns: string; bytes: Uint8Array }
  | { kind: 'delete'; ns: string; bytes: Uint8Array } // bytes: BSON { _id }
  | { kind: 'createCollection'; ns: string; bytes: Uint8Array } // bytes: BSON options
  | { kind: 'dropCollection'; ns: string }
  | { kind: 'createIndex'; ns: string; bytes: Uint8Array } // bytes: BSON index spec
  | { kind: 'dropIndex'; ns: string; bytes: Uint8Array } // bytes: BSON { name }
  | { kind: 'dropDatabase'; ns: string }; // ns: the database name

const KIND_CODES = ['put', 'delete', 'createCollection', 'dropCollection', 'createIndex', 'dropIndex', 'dropDatabase'] as const;

/** Frame header: payload length and CRC-32 of the payload, both little-endian u32. */
export const FRAME_HEADER = 8;

const EMPTY = new Uint8Array(0);

/** Encodes ops as one frame: a replay applies all of them or (if the frame is torn) none. */
export function encodeRecord(ops: readonly JournalOp[]): Buffer {
  let size = 0;
  const names = ops.map((op) => Buffer.from(op.ns, 'utf8'));
  ops.forEach((op, i) => (size += 1 + 2 + (names[i] as Buffer).length + 4 + ('bytes' in op ? op.bytes.length : 0)));
  const frame = Buffer.allocUnsafe(FRAME_HEADER + size);
  let at = FRAME_HEADER;
  ops.forEach((op, i) => {
    const name = names[i] as Buffer;
    const bytes = 'bytes' in op ? op.bytes : EMPTY;
    frame.writeUInt8(KIND_CODES.indexOf(op.kind), at);
    frame.writeUInt16LE(name.length, at + 1);
    name.copy(frame, at + 3);
    at += 3 + name.length;
    frame.writeUInt32LE(bytes.length, at);
    frame.set(bytes, at + 4);
    at += 4 + bytes.length;
  });
  writeFrameHeader(frame);
  return frame;
}

export function writeFrameHeader(frame: Buffer): void {
  const payload = frame.subarray(FRAME_HEADER);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(payload), 4);
}

export function decodeRecord(payload: Buffer): JournalOp[] {
  const ops: JournalOp[] = [];
  let at = 0;
  while (at < payload.length) {
    const kind = KIND_CODES[payload.readUInt8(at)];
    const nameLength = payload.readUInt16LE(at + 1);
    const ns = payload.toString('utf8', at + 3, at + 3 + nameLength);
    at += 3 + nameLength;
    const length = payload.readUInt32LE(at);
    const bytes = payload.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    if (kind === undefined) throw new Error('unknown journal op');
    ops.push(kind === 'dropCollection' || kind === 'dropDatabase' ? { kind, ns } : { kind, ns, bytes });
  }
  return ops;
}

export interface FrameScan {
  payloads: Buffer[];
  /** Offset just past the last intact frame; anything after it is torn and must be cut off. */
  validEnd: number;
  tornAt: number | null;
}

/** Splits a file body into intact frames, stopping at the first short or corrupt one. */
export function scanFrames(data: Buffer, start: number): FrameScan {
  const payloads: Buffer[] = [];
  let at = start;
  while (at < data.length) {
    if (at + FRAME_HEADER > data.length) return { payloads, validEnd: at, tornAt: at };
    const length = data.readUInt32LE(at);
    const checksum = data.readUInt32LE(at + 4);
    const end = at + FRAME_HEADER + length;
    if (end > data.length) return { payloads, validEnd: at, tornAt: at };
    const payload = data.subarray(at + FRAME_HEADER, end);
    if (crc32(payload) !== checksum) return { payloads, validEnd: at, tornAt: at };
    payloads.push(payload);
    at = end;
  }
  return { payloads, validEnd: at, tornAt: null };
}
