import { EJSON } from 'bson';
import type { Binary, Document } from 'bson';
import { UUID } from 'bson';
import { decode, decodeFields, FieldNames } from './doc-codec';
import { StoreError } from './errors';
import { SecondaryIndex } from './secondary-index';
import type { DocKeys, IndexSpec } from './secondary-index';
import { valueKey } from './value-key';

/** What a collection needs to know about a transaction that has written to it. */
export interface TxnHandle {
  readonly id: string;
  /** Settles when the transaction commits or aborts. */
  readonly ended: Promise<void>;
  touch(collection: Collection, rid: number): void;
}

export interface Ownership {
  readonly txn: TxnHandle;
  /** The committed bytes before the transaction touched the record; null when it inserted it. */
  readonly before: Uint8Array | null;
}

/** Thrown when a write reaches a record another open transaction owns. */
export class OwnedByOtherTransaction extends Error {
  constructor(readonly owner: TxnHandle) {
    super('record is locked by another transaction');
  }
}

export const ID_INDEX_SPEC: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

/**
 * One collection's documents, stored as BSON bytes addressed by a record id that never changes for
 * the life of the process, plus its indexes. Methods here are synchronous and either complete
 * fully or throw before changing anything, which is what makes each statement atomic.
 */
export class Collection {
  readonly db: string;
  readonly name: string;
  readonly options: Document;
  readonly uuid: Binary;
  readonly indexes: SecondaryIndex[] = [];
  readonly owned = new Map<number, Ownership>();
  private readonly docs: (Uint8Array | undefined)[] = [];
  private readonly idIndex = new Map<string, number>();
  /** Top-level fields index maintenance reads; null when a partial index needs whole documents. */
  private keyFields: FieldNames | null = new FieldNames(['_id']);

  constructor(db: string, name: string, options: Document = {}) {
    this.db = db;
    this.name = name;
    this.options = options;
    this.uuid = new UUID().toBinary();
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  /** Committed-and-own documents count; callers fall back to scanning when transactions are open. */
  get liveCount(): number {
    return this.idIndex.size;
  }

  get ridLimit(): number {
    return this.docs.length;
  }

  ridForId(id: unknown): number | undefined {
    return this.idIndex.get(valueKey(id));
  }

  /** The bytes `reader` may see at this record: other transactions' uncommitted work is hidden. */
  visibleBytes(rid: number, reader: TxnHandle | null): Uint8Array | undefined {
    if (this.owned.size > 0) {
      const own = this.owned.get(rid);
      if (own && own.txn !== reader) return own.before ?? undefined;
    }
    return this.docs[rid];
  }

  currentBytes(rid: number): Uint8Array | undefined {
    return this.docs[rid];
  }

  /** Throws when a transaction other than `writer` owns the record. */
  assertWritable(rid: number, writer: TxnHandle | null): void {
    const own = this.owned.get(rid);
    if (own && own.txn !== writer) throw new OwnedByOtherTransaction(own.txn);
  }

  insert(doc: Document, bytes: Uint8Array, writer: TxnHandle | null): number {
    const idKey = valueKey(doc._id);
    const existing = this.idIndex.get(idKey);
    if (existing !== undefined) {
      this.assertWritable(existing, writer);
      throw this.duplicateKey(ID_INDEX_SPEC, [doc._id]);
    }
    const keys = this.checkUnique(doc, undefined, writer);
    const rid = this.docs.length;
    this.own(rid, writer, null);
    this.docs.push(bytes);
    this.idIndex.set(idKey, rid);
    this.indexes.forEach((index, i) => index.add(rid, keys[i] as DocKeys));
    return rid;
  }

  replace(rid: number, doc: Document, bytes: Uint8Array, writer: TxnHandle | null): void {
    this.assertWritable(rid, writer);
    const old = this.docs[rid];
    if (!old) throw new Error(`record ${rid} vanished`);
    const keys = this.checkUnique(doc, rid, writer);
    const oldDoc = this.indexes.length > 0 ? this.decodeKeys(old) : undefined;
    this.own(rid, writer, old);
    this.indexes.forEach((index, i) => index.update(rid, index.keysFor(oldDoc as Document), keys[i] as DocKeys));
    this.docs[rid] = bytes;
  }

  remove(rid: number, writer: TxnHandle | null): void {
    this.assertWritable(rid, writer);
    const old = this.docs[rid];
    if (!old) return;
    this.own(rid, writer, old);
    this.unlink(rid, old);
  }

  /** Puts a record back to `bytes` (or removes it) without checks; used to undo a transaction. */
  restore(rid: number, bytes: Uint8Array | null): void {
    const current = this.docs[rid];
    if (current) this.unlink(rid, current);
    if (!bytes) return;
    this.link(rid, bytes);
  }

  /**
   * Stores a document by `_id` (insert or overwrite) without constraint checks. Only for loading
   * snapshots and replaying the journal, whose contents were checked when first written.
   */
  putTrusted(bytes: Uint8Array): void {
    const doc = this.decodeKeys(bytes);
    const idKey = valueKey(doc._id);
    const rid = this.idIndex.get(idKey);
    if (rid === undefined) {
      this.link(this.docs.length, bytes, doc, idKey);
      return;
    }
    this.unlink(rid, this.docs[rid] as Uint8Array);
    this.link(rid, bytes, doc, idKey);
  }

  private link(rid: number, bytes: Uint8Array, doc = this.decodeKeys(bytes), idKey = valueKey(doc._id)): void {
    this.docs[rid] = bytes;
    this.idIndex.set(idKey, rid);
    for (const index of this.indexes) index.add(rid, index.keysFor(doc));
  }

  /** Just the fields the indexes read (everything when a partial index is present). */
  private decodeKeys(bytes: Uint8Array): Document {
    return this.keyFields ? decodeFields(bytes, this.keyFields) : decode(bytes);
  }

  private refreshKeyFields(): void {
    const partial = this.indexes.some((index) => index.spec.partialFilterExpression !== undefined);
    this.keyFields = partial ? null : new FieldNames(['_id', ...this.indexes.flatMap((index) => index.fields.map((f) => f.split('.')[0] as string))]);
  }

  /** Builds an index over existing documents; fails without side effects on a unique violation. */
  addIndex(spec: IndexSpec): void {
    const index = new SecondaryIndex(spec);
    for (let rid = 0; rid < this.docs.length; rid++) {
      const bytes = this.docs[rid];
      if (!bytes) continue;
      const keys = index.keysFor(decode(bytes));
      const conflict = index.findConflict(keys, rid);
      if (conflict) throw this.duplicateKey(spec, conflict.vals);
      index.add(rid, keys);
    }
    this.indexes.push(index);
    this.refreshKeyFields();
  }

  dropIndex(name: string): boolean {
    const at = this.indexes.findIndex((index) => index.spec.name === name);
    if (at < 0) return false;
    this.indexes.splice(at, 1);
    this.refreshKeyFields();
    return true;
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX_SPEC, ...this.indexes.map((index) => index.spec)];
  }

  private unlink(rid: number, bytes: Uint8Array): void {
    const doc = this.decodeKeys(bytes);
    this.idIndex.delete(valueKey(doc._id));
    for (const index of this.indexes) index.remove(rid, index.keysFor(doc));
    this.docs[rid] = undefined;
  }

  private own(rid: number, writer: TxnHandle | null, before: Uint8Array | null): void {
    if (!writer || this.owned.has(rid)) return;
    this.owned.set(rid, { txn: writer, before });
    writer.touch(this, rid);
  }

  private checkUnique(doc: Document, self: number | undefined, writer: TxnHandle | null): DocKeys[] {
    return this.indexes.map((index) => {
      const keys = index.keysFor(doc);
      const conflict = index.findConflict(keys, self);
      if (conflict) {
        this.assertWritable(conflict.rid, writer);
        throw this.duplicateKey(index.spec, conflict.vals);
      }
      return keys;
    });
  }

  private duplicateKey(spec: IndexSpec, vals: readonly unknown[]): StoreError {
    const keyPattern = spec.key;
    const keyValue: Document = {};
    Object.keys(keyPattern).forEach((field, i) => (keyValue[field] = vals[i] ?? null));
    const shown = Object.entries(keyValue)
      .map(([field, value]) => `${field}: ${EJSON.stringify(value as never, { relaxed: true })}`)
      .join(', ');
    return new StoreError(
      'DuplicateKey',
      `E11000 duplicate key error collection: ${this.ns} index: ${spec.name} dup key: { ${shown} }`,
      { keyPattern, keyValue },
    );
  }
}
