import type { Document } from 'bson';
import { StoreError } from '../errors';
import type { CommandContext } from './context';

// What the embedded store does not implement is refused with MongoDB's error shape and a message
// naming the option, never accepted and ignored: an application must learn at once that a capped
// collection is not capped or a text index does not exist. README "Known limits" lists the same set.

const NOT_SUPPORTED = 'is not supported by the embedded store (see README, Known limits)';

/** Collection options `create` refuses. `capped: false` asks for nothing and is accepted. */
export function checkCollectionOptions(options: Document): void {
  for (const [option, value] of Object.entries(options)) {
    if (option === 'capped' && value === false) continue;
    if (option === 'viewOn' || option === 'pipeline') {
      throw new StoreError('InvalidOptions', `views ('${option}') are not supported by the embedded store (see README, Known limits)`);
    }
    throw new StoreError('InvalidOptions', `the collection option '${option}' ${NOT_SUPPORTED}`);
  }
}

// Index options the store implements, plus ones MongoDB itself accepts and ignores.
const SUPPORTED_INDEX_FIELDS = new Set(['key', 'name', 'v', 'unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds', 'hidden', 'background', 'ns']);
// Options of index kinds or features MongoDB has and the store does not.
const UNSUPPORTED_INDEX_OPTIONS = new Set([
  'collation', 'weights', 'default_language', 'language_override', 'textIndexVersion', '2dsphereIndexVersion',
  'bits', 'min', 'max', 'bucketSize', 'wildcardProjection', 'storageEngine', 'prepareUnique', 'clustered',
]);

/** Refuses index kinds other than ascending/descending and options the store does not implement. */
export function checkIndexSpec(raw: Document): void {
  for (const [field, direction] of Object.entries((raw.key as Document | undefined) ?? {})) {
    if (field === '$**' || field.endsWith('.$**')) throw new StoreError('InvalidOptions', `wildcard indexes ('${field}') ${NOT_SUPPORTED}`);
    if (typeof direction === 'string') throw new StoreError('InvalidOptions', `'${direction}' indexes ${NOT_SUPPORTED}`);
    if (typeof direction !== 'number' || direction === 0 || Number.isNaN(direction)) {
      throw new StoreError('CannotCreateIndex', `Values in the index key pattern can only be non-zero numbers or strings, found ${field}: ${String(direction)}`);
    }
  }
  for (const option of Object.keys(raw)) {
    if (SUPPORTED_INDEX_FIELDS.has(option)) continue;
    if (UNSUPPORTED_INDEX_OPTIONS.has(option)) throw new StoreError('InvalidOptions', `the index option '${option}' ${NOT_SUPPORTED}`);
    throw new StoreError('InvalidIndexSpecificationOption', `The field '${option}' is not valid for an index specification.`);
  }
}

/** collMod: changing a collection after creation is not implemented at all. */
export function collMod(context: CommandContext): Document {
  const asked = Object.keys(context.command).filter((key) => key !== 'collMod' && !key.startsWith('$') && key !== 'lsid');
  throw new StoreError('CommandNotSupported', `collMod ${NOT_SUPPORTED} (asked: ${asked.join(', ') || 'nothing'})`);
}

/** setParameter: the store has no tunable server parameters. */
export function setParameter(context: CommandContext): Document {
  const asked = Object.keys(context.command).filter((key) => key !== 'setParameter' && !key.startsWith('$') && key !== 'lsid');
  throw new StoreError('CommandNotSupported', `setParameter ${NOT_SUPPORTED} (asked: ${asked.join(', ') || 'nothing'})`);
}
