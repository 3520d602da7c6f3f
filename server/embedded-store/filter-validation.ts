import type { Document } from 'bson';
import { StoreError } from './errors';
import { isPlainObject } from './field-path';

// mingo compiles operators it knows without looking at their operands, and fails (or answers
// nothing) only when a document reaches them, so `{ x: { $in: 5 } }` on an empty collection
// "succeeded". MongoDB parses the whole filter first; this checks the operand shapes it checks.

const ARRAY_OPERANDS = new Set(['$in', '$nin', '$all']);
const LOGICAL = new Set(['$and', '$or', '$nor']);
const TOP_LEVEL = new Set([...LOGICAL, '$expr', '$comment', '$where', '$jsonSchema', '$text']);

/** Throws BadValue (2) for a filter MongoDB would refuse to parse. */
export function validateFilter(filter: unknown): void {
  if (!isPlainObject(filter)) throw new StoreError('BadValue', 'query filter must be an object');
  for (const [key, condition] of Object.entries(filter)) {
    if (LOGICAL.has(key)) {
      if (!Array.isArray(condition) || condition.length === 0) throw new StoreError('BadValue', `${key} must be a nonempty array`);
      for (const clause of condition) {
        if (!isPlainObject(clause)) throw new StoreError('BadValue', `${key} argument's entries must be objects`);
        validateFilter(clause);
      }
    } else if (key.startsWith('$')) {
      if (!TOP_LEVEL.has(key)) throw new StoreError('BadValue', `unknown top level operator: ${key}`);
    } else {
      validateCondition(key, condition);
    }
  }
}

function validateCondition(path: string, condition: unknown): void {
  if (!isPlainObject(condition)) return;
  const keys = Object.keys(condition);
  // A document without operators is an equality match on a whole embedded document.
  if (!keys.some((key) => key.startsWith('$'))) return;
  for (const key of keys) {
    const operand = condition[key];
    if (!key.startsWith('$')) throw new StoreError('BadValue', `unknown operator: ${key}`);
    if (ARRAY_OPERANDS.has(key) && !Array.isArray(operand)) throw new StoreError('BadValue', `${key} needs an array`);
    if (key === '$size' && (typeof operand !== 'number' || !Number.isInteger(operand) || operand < 0)) {
      throw new StoreError('BadValue', '$size needs a non-negative whole number');
    }
    if (key === '$mod' && (!Array.isArray(operand) || operand.length !== 2 || !operand.every((n) => typeof n === 'number'))) {
      throw new StoreError('BadValue', 'malformed mod, needs to be an array of two numbers');
    }
    if (key === '$elemMatch' && !isPlainObject(operand)) throw new StoreError('BadValue', '$elemMatch needs an Object');
    if (key === '$elemMatch') validateElemMatch(operand as Document);
    if (key === '$not') {
      if (!(operand instanceof RegExp) && !isPlainObject(operand)) throw new StoreError('BadValue', '$not needs a regex or a document');
      if (isPlainObject(operand)) {
        if (Object.keys(operand).length === 0) throw new StoreError('BadValue', '$not cannot be empty');
        validateCondition(path, operand);
      }
    }
  }
}

function validateElemMatch(criteria: Document): void {
  const keys = Object.keys(criteria);
  const onElement = keys.length > 0 && keys.every((key) => key.startsWith('$') && !LOGICAL.has(key) && key !== '$expr');
  if (onElement) validateCondition('$elemMatch', criteria);
  else validateFilter(criteria);
}

