import { randomBytes } from 'node:crypto';
import { BSON, Long } from 'bson';
import type { Document } from 'bson';
import { StoreError } from './errors';

const DEFAULT_FIRST_BATCH = 101;
// Replies must stay under the 48 MB message limit; 16 MB of documents per batch leaves headroom.
const MAX_BATCH_BYTES = 16 * 1024 * 1024;
const IDLE_TIMEOUT_MS = 10 * 60_000;

interface OpenCursor {
  ns: string;
  docs: Document[];
  position: number;
  lastUsed: number;
}

/** Server-side cursors: results are materialised once and handed out batch by batch. */
export class CursorRegistry {
  private readonly open = new Map<string, OpenCursor>();
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    this.sweeper = setInterval(() => this.sweepIdle(), 60_000);
    this.sweeper.unref();
  }

  /** Reply body for find/aggregate/listX: the first batch and a cursor id (0 when exhausted). */
  firstBatch(ns: string, docs: Document[], batchSize: unknown, singleBatch = false): Document {
    const size = typeof batchSize === 'number' && batchSize >= 0 ? batchSize : DEFAULT_FIRST_BATCH;
    const batch = takeBatch(docs, 0, size);
    let id = Long.ZERO;
    if (batch.length < docs.length && !singleBatch) {
      const key = newCursorId();
      this.open.set(key, { ns, docs, position: batch.length, lastUsed: Date.now() });
      id = Long.fromString(key);
    }
    return { cursor: { firstBatch: batch, id, ns }, ok: 1 };
  }

  getMore(cursorId: unknown, batchSize: unknown): Document {
    const key = String(cursorId);
    const cursor = this.open.get(key);
    if (!cursor) throw new StoreError('CursorNotFound', `cursor id ${key} not found`);
    const size = typeof batchSize === 'number' && batchSize > 0 ? batchSize : Infinity;
    const batch = takeBatch(cursor.docs, cursor.position, size);
    cursor.position += batch.length;
    cursor.lastUsed = Date.now();
    const exhausted = cursor.position >= cursor.docs.length;
    if (exhausted) this.open.delete(key);
    return { cursor: { nextBatch: batch, id: exhausted ? Long.ZERO : Long.fromString(key), ns: cursor.ns }, ok: 1 };
  }

  kill(ids: readonly unknown[]): Document {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) {
      const key = String(id);
      (this.open.delete(key) ? killed : notFound).push(Long.fromString(key));
    }
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  }

  close(): void {
    clearInterval(this.sweeper);
    this.open.clear();
  }

  private sweepIdle(): void {
    const cutoff = Date.now() - IDLE_TIMEOUT_MS;
    for (const [key, cursor] of this.open) if (cursor.lastUsed < cutoff) this.open.delete(key);
  }
}

/** Random positive 63-bit ids, like MongoDB's: never 0, and not guessable from one another. */
function newCursorId(): string {
  const id = randomBytes(8).readBigUInt64LE() >> 1n;
  return id === 0n ? '1' : id.toString();
}

function takeBatch(docs: readonly Document[], from: number, count: number): Document[] {
  const batch: Document[] = [];
  let bytes = 0;
  for (let i = from; i < docs.length && batch.length < count; i++) {
    const doc = docs[i] as Document;
    // Each array element also costs its type byte, its index as a key and the key's terminator.
    bytes += BSON.calculateObjectSize(doc, { ignoreUndefined: true }) + String(i - from).length + 2;
    if (bytes > MAX_BATCH_BYTES && batch.length > 0) break;
    batch.push(doc);
  }
  return batch;
}
