import { BSON } from 'bson';
import type { Document } from 'bson';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

const HEADER = 16;
const FLAG_CHECKSUM_PRESENT = 1 << 0;
const FLAG_MORE_TO_COME = 1 << 1;
/** Largest message accepted (MongoDB's maxMessageSizeBytes). */
export const MAX_MESSAGE_BYTES = 48_000_000;

// Commands decode to the same JS values stored documents do, so index keys computed from a
// request match keys computed later from the stored bytes.
const DECODE_OPTIONS = { promoteValues: true, promoteBuffers: false, bsonRegExp: false } as const;
const ENCODE_OPTIONS = { ignoreUndefined: true, checkKeys: false } as const;

export interface Request {
  requestId: number;
  command: Document;
  /** OP_MSG with moreToCome: the client expects no reply. */
  silent: boolean;
  /** OP_QUERY: the reply must be an OP_REPLY. */
  legacy: boolean;
}

/** Decodes one complete message (header included) into a command document with `$db` set. */
export function parseMessage(message: Buffer): Request {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OP_MSG) return parseOpMsg(message, requestId);
  if (opCode === OP_QUERY) return parseOpQuery(message, requestId);
  throw new Error(`unsupported opCode ${opCode}`);
}

function parseOpMsg(message: Buffer, requestId: number): Request {
  const flags = message.readUInt32LE(HEADER);
  const end = message.length - (flags & FLAG_CHECKSUM_PRESENT ? 4 : 0);
  let at = HEADER + 4;
  let command: Document | undefined;
  const sequences: [string, Document[]][] = [];
  while (at < end) {
    const kind = message[at];
    at += 1;
    if (kind === 0) {
      const size = message.readInt32LE(at);
      command = BSON.deserialize(message.subarray(at, at + size), DECODE_OPTIONS);
      at += size;
    } else if (kind === 1) {
      const size = message.readInt32LE(at);
      const sectionEnd = at + size;
      const nameEnd = message.indexOf(0, at + 4);
      const identifier = message.toString('utf8', at + 4, nameEnd);
      const docs: Document[] = [];
      let doc = nameEnd + 1;
      while (doc < sectionEnd) {
        const docSize = message.readInt32LE(doc);
        docs.push(BSON.deserialize(message.subarray(doc, doc + docSize), DECODE_OPTIONS));
        doc += docSize;
      }
      sequences.push([identifier, docs]);
      at = sectionEnd;
    } else {
      throw new Error(`unknown OP_MSG section kind ${String(kind)}`);
    }
  }
  if (!command) throw new Error('OP_MSG without a body section');
  for (const [identifier, docs] of sequences) command[identifier] = docs;
  return { requestId, command, silent: (flags & FLAG_MORE_TO_COME) !== 0, legacy: false };
}

function parseOpQuery(message: Buffer, requestId: number): Request {
  let at = HEADER + 4;
  const nameEnd = message.indexOf(0, at);
  const fullName = message.toString('utf8', at, nameEnd);
  at = nameEnd + 1 + 8; // numberToSkip, numberToReturn
  const size = message.readInt32LE(at);
  let command = BSON.deserialize(message.subarray(at, at + size), DECODE_OPTIONS);
  // Legacy clients may wrap the command as { $query: {...}, $readPreference: ... }.
  if (command.$query && typeof command.$query === 'object') command = command.$query as Document;
  const db = fullName.endsWith('.$cmd') ? fullName.slice(0, -'.$cmd'.length) : fullName.split('.')[0] ?? 'admin';
  return { requestId, command: { ...command, $db: db }, silent: false, legacy: true };
}

let nextRequestId = 1;

export function encodeReply(request: Request, reply: Document): Buffer {
  const body = BSON.serialize(reply, ENCODE_OPTIONS);
  if (request.legacy) {
    const message = Buffer.allocUnsafe(HEADER + 20 + body.length);
    writeHeader(message, request.requestId, OP_REPLY);
    message.writeInt32LE(0, HEADER); // responseFlags
    message.writeBigInt64LE(0n, HEADER + 4); // cursorID
    message.writeInt32LE(0, HEADER + 12); // startingFrom
    message.writeInt32LE(1, HEADER + 16); // numberReturned
    message.set(body, HEADER + 20);
    return message;
  }
  const message = Buffer.allocUnsafe(HEADER + 5 + body.length);
  writeHeader(message, request.requestId, OP_MSG);
  message.writeUInt32LE(0, HEADER);
  message[HEADER + 4] = 0;
  message.set(body, HEADER + 5);
  return message;
}

function writeHeader(message: Buffer, responseTo: number, opCode: number): void {
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  message.writeInt32LE(responseTo, 8);
  message.writeInt32LE(opCode, 12);
}

/** Splits a byte stream into whole messages; keeps the incomplete tail for the next chunk. */
export class MessageFramer {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const messages: Buffer[] = [];
    while (this.pending.length >= 4) {
      const length = this.pending.readInt32LE(0);
      if (length < HEADER || length > MAX_MESSAGE_BYTES) throw new Error(`invalid message length ${length}`);
      if (this.pending.length < length) break;
      messages.push(this.pending.subarray(0, length));
      this.pending = this.pending.subarray(length);
    }
    return messages;
  }
}
