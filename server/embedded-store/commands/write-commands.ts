import type { Document } from 'bson';
import { compileFilter, findMatches } from '../document-scan';
import { StoreError, toStoreError } from '../errors';
import { mingoOptions } from '../mingo-options';
import { buildUpsertDocument } from '../update-engine';
import type { UpdateContext, UpdateDoc } from '../update-engine';
import type { CommandContext } from './context';
import { targetName } from './context';
import { deleteRecord, insertDocument, runStatement, updateRecord } from './doc-writes';

interface WriteTally {
  n: number;
  writeErrors: Document[];
}

/**
 * Runs each statement of a write command, collecting per-statement errors the way MongoDB does:
 * an ordered command stops at the first failure, an unordered one carries on.
 */
async function eachStatement(context: CommandContext, statements: unknown, run: (statement: Document, index: number, tally: WriteTally) => Promise<void>): Promise<WriteTally> {
  if (!Array.isArray(statements)) throw new StoreError('FailedToParse', 'write command requires an array of statements');
  const tally: WriteTally = { n: 0, writeErrors: [] };
  const ordered = context.command.ordered !== false;
  for (let index = 0; index < statements.length; index++) {
    try {
      await run(statements[index] as Document, index, tally);
    } catch (error) {
      const storeError = toStoreError(error);
      // Transaction-level failures (conflicts, aborted transactions) fail the whole command.
      if (storeError.labels.length > 0) throw storeError;
      tally.writeErrors.push(storeError.toWriteError(index));
      if (ordered || context.txn) break;
    }
  }
  return tally;
}

function reply(tally: WriteTally, extra: Document = {}): Document {
  const out: Document = { n: tally.n, ...extra };
  if (tally.writeErrors.length > 0) out.writeErrors = tally.writeErrors;
  out.ok = 1;
  return out;
}

export async function insert(context: CommandContext): Promise<Document> {
  const name = targetName(context, 'insert');
  const collection = context.state.catalog.getOrCreate(context.db, name, context.ops);
  const tally = await eachStatement(context, context.command.documents, async (doc, _index, counts) => {
    await runStatement(context, () => insertDocument(context, collection, doc));
    counts.n++;
  });
  return reply(tally);
}

export async function update(context: CommandContext): Promise<Document> {
  const name = targetName(context, 'update');
  const { catalog } = context.state;
  let nModified = 0;
  const upserted: Document[] = [];
  const tally = await eachStatement(context, context.command.updates, async (statement, index, counts) => {
    const filter = (statement.q as Document | undefined) ?? {};
    const updateDoc = statement.u as UpdateDoc;
    const options = mingoOptions({ collation: statement.collation, variables: context.command.let });
    const updateContext: UpdateContext = { filter, arrayFilters: statement.arrayFilters as Document[] | undefined, options };
    const query = compileFilter(filter, { collation: statement.collation, variables: context.command.let });
    const collection = catalog.get(context.db, name);
    const matches = findMatches(collection, filter, { reader: context.txn, limit: statement.multi === true ? undefined : 1, collation: statement.collation, compiled: query });
    if (matches.length === 0 && statement.upsert === true) {
      const doc = buildUpsertDocument(updateDoc, updateContext);
      const target = catalog.getOrCreate(context.db, name, context.ops);
      await runStatement(context, () => insertDocument(context, target, doc));
      upserted.push({ index, _id: doc._id });
      counts.n++;
      return;
    }
    for (const { rid } of matches) {
      const outcome = await runStatement(context, () => updateRecord(context, collection!, rid, query, updateDoc, updateContext));
      if (outcome.status === 'gone') continue;
      counts.n++;
      if (outcome.status === 'modified') nModified++;
    }
  });
  const extra: Document = { nModified };
  if (upserted.length > 0) extra.upserted = upserted;
  return reply(tally, extra);
}

export async function remove(context: CommandContext): Promise<Document> {
  const name = targetName(context, 'delete');
  const tally = await eachStatement(context, context.command.deletes, async (statement, _index, counts) => {
    const filter = (statement.q as Document | undefined) ?? {};
    const query = compileFilter(filter, { collation: statement.collation, variables: context.command.let });
    const collection = context.state.catalog.get(context.db, name);
    const limit = Number(statement.limit ?? 0) === 1 ? 1 : undefined;
    for (const { rid } of findMatches(collection, filter, { reader: context.txn, limit, collation: statement.collation, compiled: query })) {
      const deleted = await runStatement(context, () => deleteRecord(context, collection!, rid, query));
      if (deleted) counts.n++;
    }
  });
  return reply(tally);
}
