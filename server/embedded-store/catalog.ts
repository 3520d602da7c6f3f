import type { Document } from 'bson';
import { Collection } from './collection';
import { decode, encode, retain } from './doc-codec';
import { StoreError } from './errors';
import { encodeRecord } from './journal-format';
import type { JournalOp } from './journal-format';

/** Where committed records go; resolves once the record is durable. */
export interface JournalSink {
  append(frame: Buffer): Promise<void>;
}
import type { IndexSpec } from './secondary-index';

/** Writes of one command (or one committed transaction) that must reach the journal together. */
export type OpBatch = JournalOp[];

const NAME_RULE = /^[^\0$]+$/;

/** Databases and their collections, plus the journal every committed change is written to. */
export class Catalog {
  private readonly dbs = new Map<string, Map<string, Collection>>();
  private journal: JournalSink | null = null;

  attachJournal(journal: JournalSink): void {
    this.journal = journal;
  }

  get(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  databaseNames(): string[] {
    return [...this.dbs.keys()];
  }

  collections(db: string): Collection[] {
    return [...(this.dbs.get(db)?.values() ?? [])];
  }

  allCollections(): Collection[] {
    return [...this.dbs.values()].flatMap((collections) => [...collections.values()]);
  }

  /** Returns the collection, creating it as MongoDB does on first write. */
  getOrCreate(db: string, name: string, ops: OpBatch): Collection {
    return this.get(db, name) ?? this.create(db, name, {}, ops);
  }

  create(db: string, name: string, options: Document, ops: OpBatch): Collection {
    if (!NAME_RULE.test(db) || !NAME_RULE.test(name) || db.includes('.') || db.includes('/')) {
      throw new StoreError('InvalidNamespace', `Invalid namespace specified '${db}.${name}'`);
    }
    if (this.get(db, name)) throw new StoreError('NamespaceExists', `Collection ${db}.${name} already exists.`);
    const collection = new Collection(db, name, options);
    let collections = this.dbs.get(db);
    if (!collections) this.dbs.set(db, (collections = new Map()));
    collections.set(name, collection);
    ops.push({ kind: 'createCollection', ns: collection.ns, bytes: encode(options) });
    return collection;
  }

  drop(db: string, name: string, ops: OpBatch): boolean {
    const collections = this.dbs.get(db);
    if (!collections?.delete(name)) return false;
    if (collections.size === 0) this.dbs.delete(db);
    ops.push({ kind: 'dropCollection', ns: `${db}.${name}` });
    return true;
  }

  dropDatabase(db: string, ops: OpBatch): void {
    if (this.dbs.delete(db)) ops.push({ kind: 'dropDatabase', ns: db });
  }

  createIndex(collection: Collection, spec: IndexSpec, ops: OpBatch): void {
    collection.addIndex(spec);
    ops.push({ kind: 'createIndex', ns: collection.ns, bytes: encode(spec) });
  }

  dropIndex(collection: Collection, name: string, ops: OpBatch): boolean {
    if (!collection.dropIndex(name)) return false;
    ops.push({ kind: 'dropIndex', ns: collection.ns, bytes: encode({ name }) });
    return true;
  }

  /** Appends the batch to the journal; resolves once it is durable. */
  async commit(ops: OpBatch): Promise<void> {
    if (ops.length === 0 || !this.journal) return;
    await this.journal.append(encodeRecord(ops));
  }

  /** Re-applies one journaled op while opening. Ops are idempotent, so replaying twice is harmless. */
  replay(op: JournalOp): void {
    const scratch: OpBatch = [];
    if (op.kind === 'dropDatabase') return this.dropDatabase(op.ns, scratch);
    const dot = op.ns.indexOf('.');
    const db = op.ns.slice(0, dot);
    const name = op.ns.slice(dot + 1);
    switch (op.kind) {
      case 'createCollection':
        if (!this.get(db, name)) this.create(db, name, decode(op.bytes), scratch);
        return;
      case 'dropCollection':
        this.drop(db, name, scratch);
        return;
      case 'createIndex': {
        const collection = this.getOrCreate(db, name, scratch);
        const spec = decode(op.bytes) as IndexSpec;
        if (!collection.indexSpecs().some((existing) => existing.name === spec.name)) collection.addIndex(spec);
        return;
      }
      case 'dropIndex':
        this.get(db, name)?.dropIndex(String(decode(op.bytes).name));
        return;
      case 'put': {
        this.getOrCreate(db, name, scratch).putTrusted(retain(op.bytes));
        return;
      }
      case 'delete': {
        const collection = this.get(db, name);
        const rid = collection?.ridForId(decode(op.bytes)._id);
        if (collection && rid !== undefined) collection.remove(rid, null);
        return;
      }
    }
  }
}
