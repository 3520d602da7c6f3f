import { EJSON } from 'bson';
import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { ID_INDEX_SPEC } from '../collection';
import type { Collection } from '../collection';
import { StoreError } from '../errors';
import { mingoOptions } from '../mingo-options';
import type { IndexSpec } from '../secondary-index';
import type { CommandContext } from './context';
import { targetName } from './context';
import { checkCollectionOptions, checkIndexSpec } from './unsupported';

// Fields drivers add to every command; they are not collection options.
const PROTOCOL_FIELDS = new Set([
  '$db', 'lsid', 'txnNumber', 'autocommit', 'startTransaction', '$clusterTime', '$readPreference',
  'writeConcern', 'readConcern', 'comment', 'apiVersion', 'apiStrict', 'apiDeprecationErrors', 'maxTimeMS',
]);

// Index options the store keeps in the catalog and reports from listIndexes (the rest are refused, see unsupported.ts).
const INDEX_OPTIONS = ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'hidden'];

export function create(context: CommandContext): Document {
  const name = targetName(context, 'create');
  const options: Document = {};
  for (const [key, value] of Object.entries(context.command)) {
    if (key !== 'create' && !PROTOCOL_FIELDS.has(key)) options[key] = value;
  }
  checkCollectionOptions(options);
  context.state.catalog.create(context.db, name, options, context.ops);
  return { ok: 1 };
}

export function drop(context: CommandContext): Document {
  const name = targetName(context, 'drop');
  const collection = context.state.catalog.get(context.db, name);
  // MongoDB 7.0 (the version this store reports) treats dropping a missing collection as success.
  if (!collection) return { ok: 1 };
  const nIndexesWas = collection.indexSpecs().length;
  context.state.catalog.drop(context.db, name, context.ops);
  return { ns: collection.ns, nIndexesWas, ok: 1 };
}

export function dropDatabase(context: CommandContext): Document {
  context.state.catalog.dropDatabase(context.db, context.ops);
  return { dropped: context.db, ok: 1 };
}

export function listDatabases(context: CommandContext): Document {
  const { catalog } = context.state;
  let databases: Document[] = catalog.databaseNames().map((name) => ({ name, sizeOnDisk: 0, empty: false }));
  const filter = context.command.filter as Document | undefined;
  if (filter) {
    const query = new Query(filter, mingoOptions());
    databases = databases.filter((db) => query.test(db));
  }
  if (context.command.nameOnly === true) return { databases: databases.map(({ name }) => ({ name })), ok: 1 };
  return { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
}

export function listCollections(context: CommandContext): Document {
  let entries: Document[] = context.state.catalog.collections(context.db).map((collection) => ({
    name: collection.name,
    type: 'collection',
    options: collection.options,
    info: { readOnly: false, uuid: collection.uuid },
    idIndex: ID_INDEX_SPEC,
  }));
  const filter = context.command.filter as Document | undefined;
  if (filter && Object.keys(filter).length > 0) {
    const query = new Query(filter, mingoOptions());
    entries = entries.filter((entry) => query.test(entry));
  }
  if (context.command.nameOnly === true) entries = entries.map(({ name, type }) => ({ name, type }));
  const batchSize = (context.command.cursor as Document | undefined)?.batchSize;
  return context.state.cursors.firstBatch(`${context.db}.$cmd.listCollections`, entries, batchSize);
}

export function createIndexes(context: CommandContext): Document {
  const name = targetName(context, 'createIndexes');
  const { catalog } = context.state;
  const requested = context.command.indexes;
  if (!Array.isArray(requested) || requested.length === 0) throw new StoreError('BadValue', 'Must specify at least one index to create');
  // Every spec is checked before anything is created, so a refused one leaves nothing behind.
  for (const raw of requested as Document[]) checkIndexSpec(raw);
  const existed = catalog.get(context.db, name) !== undefined;
  const collection = catalog.getOrCreate(context.db, name, context.ops);
  const numIndexesBefore = collection.indexSpecs().length;
  for (const raw of requested as Document[]) {
    const spec = normaliseIndexSpec(raw);
    if (sameIndexExists(collection, spec)) continue;
    catalog.createIndex(collection, spec, context.ops);
  }
  const numIndexesAfter = collection.indexSpecs().length;
  const reply: Document = { createdCollectionAutomatically: !existed, numIndexesBefore, numIndexesAfter, ok: 1 };
  if (numIndexesAfter === numIndexesBefore) reply.note = 'all indexes already exist';
  return reply;
}

export function listIndexes(context: CommandContext): Document {
  const name = targetName(context, 'listIndexes');
  const collection = context.state.catalog.get(context.db, name);
  if (!collection) throw new StoreError('NamespaceNotFound', `ns does not exist: ${context.db}.${name}`);
  const batchSize = (context.command.cursor as Document | undefined)?.batchSize;
  return context.state.cursors.firstBatch(`${context.db}.$cmd.listIndexes.${name}`, collection.indexSpecs(), batchSize);
}

export function dropIndexes(context: CommandContext): Document {
  const name = targetName(context, 'dropIndexes');
  const { catalog } = context.state;
  const collection = catalog.get(context.db, name);
  if (!collection) throw new StoreError('NamespaceNotFound', `ns not found ${context.db}.${name}`);
  const nIndexesWas = collection.indexSpecs().length;
  const which = context.command.index;
  let names: string[];
  if (which === '*') names = collection.indexes.map((index) => index.spec.name);
  else if (typeof which === 'string') names = [which];
  else if (Array.isArray(which)) names = which.map(String);
  else {
    const wanted = EJSON.stringify(which as Document);
    const found = collection.indexes.find((index) => EJSON.stringify(index.spec.key) === wanted);
    if (!found) throw new StoreError('IndexNotFound', `can't find index with key: ${wanted}`);
    names = [found.spec.name];
  }
  for (const indexName of names) {
    if (indexName === '_id_') throw new StoreError('BadValue', 'cannot drop _id index');
    if (!collection.indexes.some((index) => index.spec.name === indexName)) {
      throw new StoreError('IndexNotFound', `index not found with name [${indexName}]`);
    }
  }
  for (const indexName of names) catalog.dropIndex(collection, indexName, context.ops);
  return { nIndexesWas, ok: 1 };
}

function normaliseIndexSpec(raw: Document): IndexSpec {
  const key = raw.key as Record<string, number | string> | undefined;
  if (!key || typeof key !== 'object' || Object.keys(key).length === 0) throw new StoreError('BadValue', 'Index keys cannot be empty.');
  if (typeof raw.name !== 'string' || raw.name.length === 0) throw new StoreError('BadValue', 'index name must be a non-empty string');
  const spec: IndexSpec = { v: 2, key, name: raw.name };
  for (const option of INDEX_OPTIONS) {
    if (raw[option] === undefined) continue;
    // MongoDB does not record false-valued unique/sparse flags.
    if ((option === 'unique' || option === 'sparse') && raw[option] !== true) continue;
    spec[option] = raw[option];
  }
  return spec;
}

/** True when an identical index exists; throws when the request clashes with an existing one. */
function sameIndexExists(collection: Collection, spec: IndexSpec): boolean {
  const keyText = EJSON.stringify(spec.key);
  const optionsText = (s: IndexSpec) => EJSON.stringify(INDEX_OPTIONS.map((option) => s[option] ?? null));
  for (const existing of collection.indexSpecs()) {
    const sameKey = EJSON.stringify(existing.key) === keyText;
    if (existing.name === spec.name) {
      if (sameKey && optionsText(existing) === optionsText(spec)) return true;
      throw new StoreError(
        sameKey ? 'IndexOptionsConflict' : 'IndexKeySpecsConflict',
        `An existing index has the same name as the requested index. Requested index: ${EJSON.stringify(spec)}, existing index: ${EJSON.stringify(existing)}`,
      );
    }
    if (sameKey) {
      throw new StoreError('IndexOptionsConflict', `Index already exists with a different name: ${existing.name}`);
    }
  }
  return false;
}
