import type { Document } from 'bson';
import { Context, evalExpr, OpType } from 'mingo/core';
import * as accumulator from 'mingo/operators/accumulator';
import * as expression from 'mingo/operators/expression';
import * as pipeline from 'mingo/operators/pipeline';
import * as projection from 'mingo/operators/projection';
import * as query from 'mingo/operators/query';
import * as window from 'mingo/operators/window';
import type { Options } from 'mingo/types';
import { storeExpressionOperators, storePipelineOperators, storeQueryOperators } from './store-operators';

// mingo's own entry points merge a caller's context *under* their built-in operators, so an
// operator cannot be replaced through them. The store builds the whole context itself, its own
// operators last, and uses mingo's base classes (mingo/query, mingo/aggregator, mingo/updater).
const STORE_CONTEXT = Context.init({
  accumulator,
  expression: { ...expression, ...storeExpressionOperators },
  pipeline: { ...pipeline, ...storePipelineOperators },
  projection,
  query: { ...query, ...storeQueryOperators },
  window,
} as never);

/** Per-request settings handed to every mingo call, so query, update and aggregate agree. */
export function mingoOptions(extra: { collation?: Document; variables?: Document; resolve?: (name: string) => Document[] } = {}): Partial<Options> {
  const options: { -readonly [K in keyof Options]?: Options[K] } = {
    useStrictMode: true,
    // $where / $function / $accumulator would run client-supplied JavaScript inside the store.
    scriptEnabled: false,
    context: STORE_CONTEXT,
  };
  if (extra.collation) options.collation = extra.collation as Options['collation'];
  if (extra.variables) options.variables = evaluateLet(extra.variables);
  if (extra.resolve) options.collectionResolver = extra.resolve;
  return options;
}

/** True when the aggregation stage exists (mingo's, or the store's own replacement). */
export function isKnownStage(name: string): boolean {
  return STORE_CONTEXT.getOperator(OpType.PIPELINE, name) !== null;
}

/** `let` values are expressions (`{ $add: [1, 2] }`, `'$$NOW'`), evaluated once, before any document. */
function evaluateLet(variables: Document): Document {
  const options = { useStrictMode: true, scriptEnabled: false, context: STORE_CONTEXT };
  return Object.fromEntries(Object.entries(variables).map(([name, expr]) => [name, evalExpr({}, expr, options as never)]));
}
