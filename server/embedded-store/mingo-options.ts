import type { Document } from 'bson';
import type { Options } from 'mingo/types';

/** Per-request settings handed to every mingo call, so query, update and aggregate agree. */
export function mingoOptions(extra: { collation?: Document; variables?: Document; resolve?: (name: string) => Document[] } = {}): Partial<Options> {
  const options: { -readonly [K in keyof Options]?: Options[K] } = {
    useStrictMode: true,
    // $where / $function / $accumulator would run client-supplied JavaScript inside the store.
    scriptEnabled: false,
  };
  if (extra.collation) options.collation = extra.collation as Options['collation'];
  if (extra.variables) options.variables = extra.variables;
  if (extra.resolve) options.collectionResolver = extra.resolve;
  return options;
}
