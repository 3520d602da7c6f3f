import type { Document } from 'bson';
import type { DocTest } from '../document-scan';
import { OwnedByOtherTransaction } from '../collection';
import type { Collection } from '../collection';
import { decode, encode, encodeTransient, retain, withIdFirst } from '../doc-codec';
import { StoreError } from '../errors';
import { isPlainObject } from '../field-path';
import { writeConflict } from '../transactions';
import { applyUpdate } from '../update-engine';
import type { UpdateContext, UpdateDoc } from '../update-engine';
import type { CommandContext } from './context';

// A non-transactional write that meets a record an open transaction owns waits for it, as MongoDB
// does; the transaction's lifetime limit bounds the wait.
const LOCK_WAIT_MS = 65_000;

/**
 * Runs one statement, retrying it after the owning transaction ends when it hit a locked record.
 * Inside a transaction the conflict is reported instead (WriteConflict, which the driver retries).
 * Statements check locks before changing anything, so a retry never applies anything twice.
 */
export async function runStatement<T>(context: CommandContext, statement: () => T): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return statement();
    } catch (error) {
      if (!(error instanceof OwnedByOtherTransaction)) throw error;
      if (context.txn || Date.now() > deadline) throw writeConflict();
      await Promise.race([error.owner.ended, new Promise((resolve) => setTimeout(resolve, 1000))]);
    }
  }
}

export function insertDocument(context: CommandContext, collection: Collection, raw: Document): Document {
  const doc = withIdFirst(raw);
  const dollar = dollarPrefixedKey(doc._id);
  if (dollar !== undefined) {
    throw new StoreError('DollarPrefixedFieldName', `_id fields may not contain '$'-prefixed fields: ${dollar} is not valid for storage.`);
  }
  const bytes = retain(encodeTransient(doc));
  collection.insert(doc, bytes, context.txn);
  if (!context.txn) context.ops.push({ kind: 'put', ns: collection.ns, bytes });
  return doc;
}

export type UpdateOutcome = { status: 'gone' } | { status: 'unchanged' | 'modified'; before: Document; after: Document };

/** Updates one record if it still matches `query`; re-reads it so a retried statement sees the latest state. */
export function updateRecord(
  context: CommandContext,
  collection: Collection,
  rid: number,
  query: DocTest | null,
  update: UpdateDoc,
  updateContext: UpdateContext,
): UpdateOutcome {
  const bytes = collection.currentBytes(rid);
  if (!bytes) return { status: 'gone' };
  collection.assertWritable(rid, context.txn);
  const before = decode(bytes);
  if (query && !query.test(before)) return { status: 'gone' };
  const after = withIdFirst(applyUpdate(decode(bytes), update, updateContext));
  const encoded = encodeTransient(after);
  if (Buffer.compare(encoded, bytes) === 0) return { status: 'unchanged', before, after };
  const stored = retain(encoded);
  collection.replace(rid, after, stored, context.txn);
  if (!context.txn) context.ops.push({ kind: 'put', ns: collection.ns, bytes: stored });
  return { status: 'modified', before, after };
}

/** Deletes one record if it still matches `query`; returns the deleted document. */
export function deleteRecord(context: CommandContext, collection: Collection, rid: number, query: DocTest | null): Document | null {
  const bytes = collection.currentBytes(rid);
  if (!bytes) return null;
  collection.assertWritable(rid, context.txn);
  const doc = decode(bytes);
  if (query && !query.test(doc)) return null;
  collection.remove(rid, context.txn);
  if (!context.txn) context.ops.push({ kind: 'delete', ns: collection.ns, bytes: encode({ _id: doc._id }) });
  return doc;
}

/** The first `$`-prefixed field name inside an `_id` value (MongoDB refuses them there), if any. */
function dollarPrefixedKey(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const element of value) {
      const found = dollarPrefixedKey(element);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('$')) return key;
    const found = dollarPrefixedKey(child);
    if (found !== undefined) return found;
  }
  return undefined;
}
