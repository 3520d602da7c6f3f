import type { Document } from 'bson';
import { compareBson } from '../bson-compare';
import { compileFilter, countVisible, findMatches, findSortedMatches } from '../document-scan';
import { valuesAtPath } from '../field-path';
import { mingoOptions } from '../mingo-options';
import { valueKey } from '../value-key';
import type { CommandContext } from './context';
import { targetName } from './context';
import { project, sortSkipLimit, stripNatural } from './projection';

export function find(context: CommandContext): Document {
  const { command, state } = context;
  const name = targetName(context, 'find');
  const collection = state.catalog.get(context.db, name);
  const filter = (command.filter as Document | undefined) ?? {};
  const sort = command.sort as Document | undefined;
  const skip = Number(command.skip ?? 0);
  const limit = Number(command.limit ?? 0);
  const options = mingoOptions({ collation: command.collation, variables: command.let });
  const sorted = sort !== undefined && Object.keys(sort).length > 0;
  // Without a sort the first skip+limit matches are the answer, so the scan can stop there.
  const stopAfter = !sorted && limit !== 0 ? skip + Math.abs(limit) : undefined;
  const scan = { reader: context.txn, collation: command.collation, variables: command.let };
  const compiled = compileFilter(filter, scan);
  // A sorted find with a limit reads only the head of an index on the sort field when one allows it.
  const head = sorted && limit !== 0 ? findSortedMatches(collection, filter, stripNatural(sort), skip + Math.abs(limit), { ...scan, compiled }) : null;
  const matches = head ?? findMatches(collection, filter, { ...scan, compiled, limit: stopAfter });
  let docs = sortSkipLimit(matches.map((m) => m.doc), { sort, skip, limit }, options);
  docs = project(docs, command.projection as Document | undefined, filter, options);
  const singleBatch = command.singleBatch === true || limit < 0;
  return state.cursors.firstBatch(`${context.db}.${name}`, docs, command.batchSize, singleBatch);
}

export function getMore(context: CommandContext): Document {
  return context.state.cursors.getMore(context.command.getMore, context.command.batchSize);
}

export function killCursors(context: CommandContext): Document {
  return context.state.cursors.kill((context.command.cursors as unknown[] | undefined) ?? []);
}

export function count(context: CommandContext): Document {
  const { command, state } = context;
  const collection = state.catalog.get(context.db, targetName(context, 'count'));
  const query = (command.query as Document | undefined) ?? {};
  const skip = Math.max(0, Number(command.skip ?? 0));
  const limit = Math.abs(Number(command.limit ?? 0));
  let n = Object.keys(query).length === 0
    ? countVisible(collection, context.txn)
    : findMatches(collection, query, { reader: context.txn, collation: command.collation }).length;
  n = Math.max(0, n - skip);
  if (limit > 0) n = Math.min(n, limit);
  return { n, ok: 1 };
}

export function distinct(context: CommandContext): Document {
  const { command, state } = context;
  const collection = state.catalog.get(context.db, targetName(context, 'distinct'));
  const key = String(command.key);
  const seen = new Map<string, unknown>();
  const matches = findMatches(collection, (command.query as Document | undefined) ?? {}, { reader: context.txn, collation: command.collation });
  for (const { doc } of matches) {
    for (const value of valuesAtPath(doc, key)) {
      if (value === undefined) continue;
      const k = valueKey(value);
      if (!seen.has(k)) seen.set(k, value);
    }
  }
  return { values: [...seen.values()].sort(compareBson), ok: 1 };
}
