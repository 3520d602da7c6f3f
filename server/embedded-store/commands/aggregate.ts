import type { Document } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { compileFilter, findMatches } from '../document-scan';
import { StoreError } from '../errors';
import { isKnownStage, mingoOptions } from '../mingo-options';
import { rewritePipeline } from '../pipeline-rewrite';
import type { CommandContext } from './context';

const UNSUPPORTED_STAGES = ['$out', '$merge', '$text', '$search', '$geoNear', '$changeStream', '$currentOp'];

/** aggregate: a leading $match is answered through the planner (indexes), the rest by mingo. */
export function aggregate(context: CommandContext): Document {
  const { command, state } = context;
  const target = command.aggregate;
  if (!Array.isArray(command.pipeline)) throw new StoreError('TypeMismatch', "'pipeline' option must be specified as an array");
  let pipeline = rewritePipeline(command.pipeline as Document[]);
  checkStages(pipeline, command);
  const reader = context.txn;
  const readAll = (name: string): Document[] =>
    findMatches(state.catalog.get(context.db, name), {}, { reader }).map((m) => m.doc);
  const options = mingoOptions({ collation: command.collation, variables: command.let, resolve: readAll });

  let source: Document[] = [];
  if (typeof target === 'string') {
    const first = pipeline[0];
    const filter = first && '$match' in first ? (first.$match as Document) : {};
    if (first && '$match' in first) pipeline = pipeline.slice(1);
    source = findMatches(state.catalog.get(context.db, target), filter, { reader, collation: command.collation, variables: command.let }).map((m) => m.doc);
  }
  const results = pipeline.length > 0 ? new Aggregator(pipeline, options).run(source) : source;
  const batchSize = (command.cursor as Document | undefined)?.batchSize;
  const ns = typeof target === 'string' ? `${context.db}.${target}` : `${context.db}.$cmd.aggregate`;
  return state.cursors.firstBatch(ns, results as Document[], batchSize);
}

/**
 * Refuses unsupported stages and compiles every `$match` (sub-pipelines included) before any
 * document is read: mingo builds a later stage only when documents reach it, so a bad operator
 * after a `$project`, or over an empty collection, went unnoticed.
 */
function checkStages(pipeline: readonly Document[], command: Document): void {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0] ?? '';
    if (Object.keys(stage).length !== 1) throw new StoreError('Location40323', 'A pipeline stage specification object must contain exactly one field.');
    if (!isKnownStage(name)) throw new StoreError('Location40324', `Unrecognized pipeline stage name: '${name}'`);
    if (UNSUPPORTED_STAGES.includes(name)) {
      throw new StoreError('Location40324', `Unrecognized pipeline stage name: '${name}' (not supported by the embedded store)`);
    }
    const spec = stage[name] as unknown;
    if (name === '$match') compileFilter(spec as Document, { collation: command.collation, variables: command.let });
    if (name === '$facet' && spec !== null && typeof spec === 'object') {
      for (const sub of Object.values(spec)) if (Array.isArray(sub)) checkStages(sub as Document[], command);
    }
    if ((name === '$lookup' || name === '$unionWith') && spec !== null && typeof spec === 'object') {
      const sub = (spec as Document).pipeline;
      if (Array.isArray(sub)) checkStages(sub as Document[], command);
    }
  }
}
