import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from 'bson';
import { Catalog } from './catalog';
import { decode, encode } from './doc-codec';
import { decodeRecord, FRAME_HEADER, scanFrames, writeFrameHeader } from './journal-format';
import { JournalWriter } from './journal-writer';
import type { IndexSpec } from './secondary-index';
import { makePrivateDirSync, PRIVATE_FILE_MODE } from '../lib/private-files';

const SNAPSHOT_FILE = 'snapshot.tps';
const JOURNAL_FILE = 'journal.tpj';
const SNAPSHOT_MAGIC = Buffer.from('TPSNAP01');
const JOURNAL_MAGIC = Buffer.from('TPJRNL01');
const JOURNAL_HEADER = 16;
const FRAME_COLLECTION = 1;
const FRAME_DOCUMENT = 2;
const FRAME_END = 3;

// Compact while running once the journal outgrows both this floor and twice the last snapshot.
const COMPACT_FLOOR_BYTES = 256 * 1024 * 1024;

/**
 * Owns the files under dbpath: appends journal records and, when the journal has grown large,
 * folds it into a new snapshot. Compaction is synchronous: it pauses the store briefly but leaves
 * no moment in which a write could land in neither the old files nor the new ones.
 */
export class Storage {
  constructor(
    private readonly dbpath: string,
    private readonly catalog: Catalog,
    private journalId: number,
    private writer: JournalWriter,
    private snapshotBytes: number,
  ) {}

  append(frame: Buffer): Promise<void> {
    const durable = this.writer.append(frame);
    if (this.writer.size > Math.max(COMPACT_FLOOR_BYTES, 2 * this.snapshotBytes)) this.compact();
    return durable;
  }

  /**
   * Writes the committed state (which already includes every appended record) as a snapshot
   * covering the current journal, then starts the next journal. Records still being synced to the
   * old journal are safe either way: their changes are in the snapshot.
   */
  compact(): void {
    const started = performance.now();
    this.snapshotBytes = writeSnapshot(join(this.dbpath, SNAPSHOT_FILE), this.catalog, this.journalId);
    this.journalId += 1;
    resetJournal(join(this.dbpath, JOURNAL_FILE), this.journalId);
    const old = this.writer;
    this.writer = JournalWriter.openSync(join(this.dbpath, JOURNAL_FILE));
    void old.close();
    console.warn(`embedded-store: compacted journal into a ${Math.round(this.snapshotBytes / 2 ** 20)} MiB snapshot in ${Math.round(performance.now() - started)} ms`);
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}

export interface OpenedStore {
  catalog: Catalog;
  storage: Storage;
  stats: { documents: number; journalRecords: number; tornRecords: number; millis: number };
}

/**
 * Loads `dbpath` (snapshot, then every intact journal record after it), writes a fresh snapshot
 * when the journal held anything, and starts an empty journal. A torn tail record (the process died
 * mid-append, so the write was never acknowledged) is skipped with a warning.
 */
export function openStore(dbpath: string): OpenedStore {
  const started = performance.now();
  makePrivateDirSync(dbpath);
  const catalog = new Catalog();
  const snapshotPath = join(dbpath, SNAPSHOT_FILE);
  const journalPath = join(dbpath, JOURNAL_FILE);

  let coveredJournal = 0;
  let documents = 0;
  if (existsSync(snapshotPath)) ({ coveredJournal, documents } = loadSnapshot(snapshotPath, catalog));

  let journalRecords = 0;
  let tornRecords = 0;
  let journalId = coveredJournal + 1;
  if (existsSync(journalPath)) {
    const data = readFileSync(journalPath);
    if (data.length >= JOURNAL_HEADER && data.subarray(0, 8).equals(JOURNAL_MAGIC)) {
      const id = data.readUInt32LE(8);
      // A journal the snapshot already covers is left over from a crash mid-compaction.
      if (id > coveredJournal) {
        journalId = id;
        const scan = scanFrames(data, JOURNAL_HEADER);
        for (const payload of scan.payloads) for (const op of decodeRecord(payload)) catalog.replay(op);
        journalRecords = scan.payloads.length;
        if (scan.tornAt !== null) {
          tornRecords = 1;
          console.warn(
            `embedded-store: skipped a torn journal record at byte ${scan.tornAt} of ${journalPath} ` +
              `(${data.length - scan.tornAt} bytes); it was never acknowledged`,
          );
        }
      }
    } else if (data.length > 0) {
      console.warn(`embedded-store: ignoring ${journalPath}: missing header (torn at creation)`);
    }
  }

  if (journalRecords > 0 || tornRecords > 0 || !existsSync(snapshotPath)) {
    writeSnapshot(snapshotPath, catalog, journalId);
    coveredJournal = journalId;
  }
  resetJournal(journalPath, coveredJournal + 1);
  const storage = new Storage(dbpath, catalog, coveredJournal + 1, JournalWriter.openSync(journalPath), statSync(snapshotPath).size);
  catalog.attachJournal(storage);
  return { catalog, storage, stats: { documents, journalRecords, tornRecords, millis: performance.now() - started } };
}

function loadSnapshot(path: string, catalog: Catalog): { coveredJournal: number; documents: number } {
  const data = readFileSync(path);
  if (!data.subarray(0, 8).equals(SNAPSHOT_MAGIC)) throw new Error(`${path} is not a snapshot file`);
  const scan = scanFrames(data, SNAPSHOT_MAGIC.length);
  // Snapshots are written to a temp file and renamed, so damage here is not a torn append.
  if (scan.tornAt !== null) throw new Error(`${path} is damaged at byte ${scan.tornAt}; refusing to open`);
  let current = null as ReturnType<Catalog['get']> | null;
  let documents = 0;
  for (const payload of scan.payloads) {
    const kind = payload[0];
    const body = payload.subarray(1);
    if (kind === FRAME_DOCUMENT) {
      if (!current) throw new Error(`${path}: document before collection header`);
      // The view points into the file buffer: no copy, and the buffer is exactly the live data.
      current.putTrusted(body);
      documents++;
    } else if (kind === FRAME_COLLECTION) {
      const header = decode(body);
      const ops: never[] = [];
      current = catalog.create(String(header.db), String(header.name), header.options as Document, ops);
      for (const spec of header.indexes as IndexSpec[]) current.addIndex(spec);
    } else if (kind === FRAME_END) {
      return { coveredJournal: Number(decode(body).journalId), documents };
    }
  }
  throw new Error(`${path} has no end marker; refusing to open a partial snapshot`);
}

/** Writes the committed state to a temp file, syncs it and renames it over the old snapshot; returns its size. */
export function writeSnapshot(path: string, catalog: Catalog, coveredJournal: number): number {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', PRIVATE_FILE_MODE);
  const chunks = new ChunkedWriter(fd);
  chunks.write(SNAPSHOT_MAGIC);
  for (const collection of catalog.allCollections()) {
    const indexes = collection.indexes.map((index) => index.spec);
    chunks.frame(FRAME_COLLECTION, encode({ db: collection.db, name: collection.name, options: collection.options, indexes }));
    for (let rid = 0; rid < collection.ridLimit; rid++) {
      const bytes = collection.visibleBytes(rid, null);
      if (bytes) chunks.frame(FRAME_DOCUMENT, bytes);
    }
  }
  chunks.frame(FRAME_END, encode({ journalId: coveredJournal }));
  chunks.flush();
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, path);
  syncDirectory(path);
  return chunks.total;
}

function resetJournal(path: string, id: number): void {
  const header = Buffer.alloc(JOURNAL_HEADER);
  JOURNAL_MAGIC.copy(header);
  header.writeUInt32LE(id, 8);
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', PRIVATE_FILE_MODE);
  writeSync(fd, header);
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, path);
  syncDirectory(path);
}

function syncDirectory(file: string): void {
  const fd = openSync(join(file, '..'), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Batches many small frames into large writes. */
class ChunkedWriter {
  private buffer = Buffer.allocUnsafe(8 * 1024 * 1024);
  private used = 0;
  total = 0;
  constructor(private readonly fd: number) {}

  frame(kind: number, body: Uint8Array): void {
    const frame = Buffer.allocUnsafe(FRAME_HEADER + 1 + body.length);
    frame[FRAME_HEADER] = kind;
    frame.set(body, FRAME_HEADER + 1);
    writeFrameHeader(frame);
    this.write(frame);
  }

  write(bytes: Uint8Array): void {
    this.total += bytes.length;
    if (this.used + bytes.length > this.buffer.length) this.flush();
    if (bytes.length > this.buffer.length) {
      writeAll(this.fd, bytes);
      return;
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  flush(): void {
    writeAll(this.fd, this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}
