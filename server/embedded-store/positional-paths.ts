import type { Document } from 'bson';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { StoreError } from './errors';
import { setPath } from './field-path';

// mingo checks update paths for conflicts only up to their first positional segment, so
// `c.$.cs` and `c.$.t` (or `ch.$[e].v` and `ch.$[e].u`) "conflict" there though MongoDB applies
// both. MongoDB compares whole paths and picks the elements a positional segment names from the
// document as it was before the update. This does the same: conflicts are checked on whole paths
// (code 40, as MongoDB), then every `$`, `$[]` and `$[id]` becomes the concrete indexes it selects,
// so mingo only ever sees plain paths.

const FILTERED = /^\$\[([a-z][a-zA-Z0-9]*)?\]$/;

/** Throws ConflictingUpdateOperators (40) when one updated path equals or contains another. */
export function checkConflicts(modifier: Document): void {
  const paths: string[][] = [];
  for (const fields of Object.values(modifier)) {
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) continue;
    for (const path of Object.keys(fields as Document)) paths.push(path.split('.'));
  }
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      const [a, b] = [paths[i] as string[], paths[j] as string[]];
      const shorter = a.length <= b.length ? a : b;
      const longer = shorter === a ? b : a;
      if (shorter.every((part, k) => part === longer[k])) {
        throw new StoreError('ConflictingUpdateOperators', `Updating the path '${longer.join('.')}' would create a conflict at '${shorter.join('.')}'`);
      }
    }
  }
}

/**
 * Returns `modifier` with every positional path replaced by the concrete paths it selects in `doc`
 * (`$` by the first element the filter's condition on that array matches, `$[]` by every element,
 * `$[id]` by the elements its array filter matches). A path selecting nothing is dropped.
 */
export function resolvePositional(doc: Document, modifier: Document, filter: Document, arrayFilters: Document[] | undefined, options: Partial<Options>): Document {
  const filters = identifierFilters(arrayFilters ?? [], options);
  const used = new Set<string>();
  const out: Document = {};
  for (const [op, fields] of Object.entries(modifier)) {
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
      out[op] = fields;
      continue;
    }
    const kept: Document = {};
    for (const [path, value] of Object.entries(fields as Document)) {
      if (!path.includes('$')) {
        kept[path] = value;
        continue;
      }
      const resolver = { doc, filter, filters, used, options, path };
      for (const concrete of expand(resolver, doc, path.split('.'), 0, [])) kept[concrete] = value;
    }
    out[op] = kept;
  }
  for (const id of filters.keys()) {
    if (!used.has(id)) throw new StoreError('FailedToParse', `The array filter for identifier '${id}' was not used in the update`);
  }
  return out;
}

interface Resolver {
  doc: Document;
  filter: Document;
  filters: Map<string, Query>;
  used: Set<string>;
  options: Partial<Options>;
  path: string;
}

function expand(resolver: Resolver, node: unknown, parts: string[], at: number, prefix: string[]): string[] {
  if (at === parts.length) return [prefix.join('.')];
  const part = parts[at] as string;
  const filtered = FILTERED.exec(part);
  if (part !== '$' && !filtered) {
    const next = node !== null && typeof node === 'object' ? (node as Document)[part] : undefined;
    return expand(resolver, next, parts, at + 1, [...prefix, part]);
  }
  if (!Array.isArray(node)) {
    if (part === '$') throw new StoreError('BadValue', 'The positional operator did not find the match needed from the query.');
    throw new StoreError('BadValue', `The path '${prefix.join('.')}' must exist in the document in order to apply array updates.`);
  }
  const indexes = part === '$' ? [firstMatchedIndex(resolver, prefix.join('.'), node)] : selectedIndexes(resolver, filtered?.[1], node);
  return indexes.flatMap((index) => expand(resolver, node[index], parts, at + 1, [...prefix, String(index)]));
}

/** The element `$` names: the first one the filter's conditions on this array match. */
function firstMatchedIndex(resolver: Resolver, arrayPath: string, array: unknown[]): number {
  const conditions = arrayConditions(resolver.filter, arrayPath);
  if (conditions.length > 0) {
    const query = new Query({ $and: conditions }, resolver.options);
    for (let index = 0; index < array.length; index++) {
      const probe: Document = {};
      setPath(probe, arrayPath, [array[index]]);
      if (query.test(probe)) return index;
    }
  }
  throw new StoreError('BadValue', 'The positional operator did not find the match needed from the query.');
}

function arrayConditions(filter: Document, arrayPath: string): Document[] {
  const found: Document[] = [];
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const clause of condition) found.push(...arrayConditions(clause as Document, arrayPath));
    } else if (key === arrayPath || key.startsWith(`${arrayPath}.`)) {
      found.push({ [key]: condition });
    }
  }
  return found;
}

function selectedIndexes(resolver: Resolver, id: string | undefined, array: unknown[]): number[] {
  if (id === undefined) return array.map((_, index) => index);
  const query = resolver.filters.get(id);
  if (!query) throw new StoreError('BadValue', `No array filter found for identifier '${id}' in path '${resolver.path}'`);
  resolver.used.add(id);
  return array.flatMap((element, index) => (query.test({ [id]: element }) ? [index] : []));
}

/** One query per array filter identifier (`{ 'e.v': 1 }` and `{ e: { $gt: 1 } }` both name `e`). */
function identifierFilters(arrayFilters: Document[], options: Partial<Options>): Map<string, Query> {
  const filters = new Map<string, Query>();
  for (const filter of arrayFilters) {
    const id = identifierOf(filter);
    if (id === undefined) throw new StoreError('FailedToParse', 'Cannot use an expression without a top-level field name in arrayFilters');
    if (filters.has(id)) throw new StoreError('FailedToParse', `Found multiple array filters with the same top-level field name ${id}`);
    filters.set(id, new Query(filter, options));
  }
  return filters;
}

function identifierOf(filter: Document): string | undefined {
  for (const [key, value] of Object.entries(filter)) {
    if (!key.startsWith('$')) return key.split('.')[0];
    if (Array.isArray(value)) {
      for (const clause of value) {
        const id = identifierOf(clause as Document);
        if (id !== undefined) return id;
      }
    }
  }
  return undefined;
}
