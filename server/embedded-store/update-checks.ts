import type { Document } from 'bson';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { StoreError } from './errors';
import { valueKey } from './value-key';
import { isPlainObject } from './field-path';

// mingo's update engine skips, without a word, updates MongoDB rejects (a $push onto a number, an
// $inc of a string, a field created inside a scalar) and mis-reads a $pull condition built from
// $or/$and. These checks run before mingo sees the modifier, with MongoDB's codes, so an application
// never loses a write silently. Positional segments are already resolved to indexes (positional-paths.ts).

const ARRAY_OPERATORS: Record<string, 'BadValue' | 'TypeMismatch'> = {
  $push: 'BadValue',
  $addToSet: 'BadValue',
  $pull: 'BadValue',
  $pullAll: 'BadValue',
  $pop: 'TypeMismatch',
};
const NUMERIC_OPERATORS = new Set(['$inc', '$mul']);
// Operators that create the field when it is missing, so a scalar on the way is PathNotViable.
const CREATING_OPERATORS = new Set(['$set', '$inc', '$mul', '$push', '$addToSet', '$max', '$min', '$currentDate']);
const LOGICAL = new Set(['$or', '$and', '$nor']);

/**
 * Validates `modifier` against `doc` and applies what mingo gets wrong; returns the modifier left
 * for mingo (an `_id` set to its current value dropped, $pull conditions with logical operators
 * applied here).
 */
export function prepareModifier(doc: Document, modifier: Document, options: Partial<Options>): Document {
  const rest: Document = {};
  for (const [op, fields] of Object.entries(modifier)) {
    if (!isPlainObject(fields)) {
      throw new StoreError('FailedToParse', `Modifiers operate on fields but we found type ${typeName(fields)} instead. For example: {$mod: {<field>: ...}} not {${op}: ${JSON.stringify(fields)}}`);
    }
    const kept: Document = {};
    for (const [path, value] of Object.entries(fields)) {
      if (path === '_id' && op === '$set' && valueKey(value) === valueKey(doc._id)) continue;
      if (path.includes('$')) {
        kept[path] = value;
        continue;
      }
      checkPath(doc, op, path, value);
      if (op === '$pull' && isPlainObject(value) && Object.keys(value).some((key) => LOGICAL.has(key))) {
        pullMatching(doc, path, new Query(value, options));
        continue;
      }
      kept[path] = value;
    }
    if (Object.keys(kept).length > 0) rest[op] = kept;
  }
  return rest;
}

function checkPath(doc: Document, op: string, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (node === undefined || node === null) return;
    const isLast = i === parts.length - 1;
    if (Array.isArray(node) && !/^\d+$/.test(part)) {
      if (!CREATING_OPERATORS.has(op)) return;
      throw new StoreError('PathNotViable', `Cannot create field '${part}' in element {${parts[i - 1] ?? ''}: [...]}`);
    }
    if (typeof node !== 'object' || isBsonValue(node)) {
      if (!CREATING_OPERATORS.has(op)) return;
      throw new StoreError('PathNotViable', `Cannot create field '${part}' in element {${parts[i - 1] ?? ''}: ${typeName(node)}}`);
    }
    node = (node as Document)[part];
    if (isLast) checkLeaf(op, path, node, value);
  }
}

function checkLeaf(op: string, path: string, current: unknown, value: unknown): void {
  const arrayCode = ARRAY_OPERATORS[op];
  if (arrayCode && current !== undefined && !Array.isArray(current)) {
    const message = op === '$pop' ? `Path '${path}' contains an element of non-array type '${typeName(current)}'` : `The field '${path}' must be an array but is of type ${typeName(current)}`;
    throw new StoreError(arrayCode, message);
  }
  if (NUMERIC_OPERATORS.has(op)) {
    if (!isNumber(value)) throw new StoreError('TypeMismatch', `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(value)}}`);
    if (current !== undefined && !isNumber(current)) {
      throw new StoreError('TypeMismatch', `Cannot apply ${op} to a value of non-numeric type. The field '${path}' has non-numeric type ${typeName(current)}`);
    }
  }
}

function pullMatching(doc: Document, path: string, query: Query): void {
  const parts = path.split('.');
  let parent: Document = doc;
  for (const part of parts.slice(0, -1)) {
    const next = parent[part];
    if (!isPlainObject(next) && !Array.isArray(next)) return;
    parent = next as Document;
  }
  const leaf = parts[parts.length - 1] as string;
  const array = parent[leaf];
  if (!Array.isArray(array)) return;
  parent[leaf] = array.filter((element) => !(isPlainObject(element) && query.test(element)));
}

function isNumber(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'bigint') return true;
  const bsonType = (value as { _bsontype?: string } | null)?._bsontype;
  return bsonType === 'Long' || bsonType === 'Decimal128' || bsonType === 'Int32' || bsonType === 'Double';
}

function isBsonValue(value: object): boolean {
  return '_bsontype' in value || value instanceof Date || value instanceof RegExp;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (typeof value === 'object') return (value as { _bsontype?: string })._bsontype?.toLowerCase() ?? (value instanceof Date ? 'date' : 'object');
  return typeof value;
}

