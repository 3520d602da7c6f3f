import type { Document } from 'bson';
import { Query } from 'mingo/query';
import { findMatches } from '../document-scan';
import { StoreError } from '../errors';
import { mingoOptions } from '../mingo-options';
import { buildUpsertDocument } from '../update-engine';
import type { UpdateContext, UpdateDoc } from '../update-engine';
import type { CommandContext } from './context';
import { targetName } from './context';
import { deleteRecord, insertDocument, runStatement, updateRecord } from './doc-writes';
import { project, sortSkipLimit } from './projection';

/** findAndModify: update, upsert or remove the first match (by `sort`) and return it. */
export async function findAndModify(context: CommandContext): Promise<Document> {
  const { command, state } = context;
  const name = targetName(context, Object.keys(command)[0] as string);
  const filter = (command.query as Document | undefined) ?? {};
  const sort = command.sort as Document | undefined;
  const options = mingoOptions({ collation: command.collation, variables: command.let });
  const remove = command.remove === true;
  const updateDoc = command.update as UpdateDoc | undefined;
  if (remove === (updateDoc !== undefined)) {
    throw new StoreError('FailedToParse', 'Either an update or remove=true must be specified');
  }
  const query = new Query(filter, options);
  const shown = (doc: Document | null): Document | null =>
    doc ? (project([doc], command.fields as Document | undefined, filter, options)[0] ?? null) : null;

  const collection = state.catalog.get(context.db, name);
  const sorted = sort !== undefined && Object.keys(sort).length > 0;
  const matches = findMatches(collection, filter, { reader: context.txn, limit: sorted ? undefined : 1, collation: command.collation, variables: command.let });
  let target = matches[0];
  if (sorted && matches.length > 1) {
    const ridOf = new Map(matches.map((m) => [m.doc, m.rid]));
    const first = sortSkipLimit(matches.map((m) => m.doc), { sort, limit: 1 }, options)[0] as Document;
    target = { doc: first, rid: ridOf.get(first) as number };
  }

  if (remove) {
    const deleted = target ? await runStatement(context, () => deleteRecord(context, collection!, target.rid, query)) : null;
    return { lastErrorObject: { n: deleted ? 1 : 0 }, value: shown(deleted), ok: 1 };
  }

  const updateContext: UpdateContext = { filter, arrayFilters: command.arrayFilters as Document[] | undefined, options };
  if (target) {
    const outcome = await runStatement(context, () => updateRecord(context, collection!, target.rid, query, updateDoc as UpdateDoc, updateContext));
    if (outcome.status !== 'gone') {
      const value = command.new === true ? outcome.after : outcome.before;
      return { lastErrorObject: { n: 1, updatedExisting: true }, value: shown(value), ok: 1 };
    }
  }
  if (command.upsert === true) {
    const doc = buildUpsertDocument(updateDoc as UpdateDoc, updateContext);
    const into = state.catalog.getOrCreate(context.db, name, context.ops);
    const inserted = await runStatement(context, () => insertDocument(context, into, doc));
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: inserted._id },
      value: command.new === true ? shown(inserted) : null,
      ok: 1,
    };
  }
  return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
}
