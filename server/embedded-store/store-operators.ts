import type { Document } from 'bson';
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { Query } from 'mingo/query';
import { resolve } from 'mingo/util';
import * as mingoQuery from 'mingo/operators/query';
import { Lazy } from 'mingo/lazy';
import type { Iterator } from 'mingo/lazy';
import * as mingoPipeline from 'mingo/operators/pipeline';
import { binaryBytes, bsonRank, compareBson, sortDocuments } from './bson-compare';
import { bsonTypeCode, bsonTypeName, typeMatcher } from './bson-types';
import { StoreError } from './errors';
import { isPlainObject } from './field-path';

// Operators the store defines in place of mingo's, where mingo's answer differs from MongoDB's.
// mingo-options.ts puts them into the context every query, update and aggregation runs with.

type QueryOperator = (selector: string, operand: unknown, options: Options) => (doc: Document) => boolean;
type ExpressionOperator = (doc: Document, expr: unknown, options: Options) => unknown;

/**
 * `{ field: { $type: ... } }`: by BSON type number (mingo matched an int32 as `double`, and
 * `objectId`, `binData`, `decimal` and large `long`s as nothing). Like MongoDB, an array field also
 * matches when one of its elements has the type. Operands are checked when the filter compiles.
 */
const $type: QueryOperator = (selector, operand) => {
  const matches = typeMatcher(operand);
  return (doc) => {
    const value = resolve(doc, selector, { unwrapArray: true });
    const code = bsonTypeCode(value);
    if (code === undefined) return false;
    if (matches(code)) return true;
    return Array.isArray(value) && value.some((element) => {
      const elementCode = bsonTypeCode(element);
      return elementCode !== undefined && matches(elementCode);
    });
  };
};

/** `{ $type: <expression> }` names types as MongoDB does (`objectId`, `binData`, `int`...). */
const $typeExpression: ExpressionOperator = (doc, expr, options) => bsonTypeName(evalExpr(doc, expr, options));

/**
 * `{ field: { $all: [a, b] } }` is `{ $and: [{ field: a }, { field: b }] }` in MongoDB, so a scalar
 * field equal to the one value matches (mingo required an array). `$elemMatch` clauses and regexes
 * keep their meaning; an empty list matches nothing.
 */
const $all: QueryOperator = (selector, operand, options) => {
  const values = operand as unknown[];
  if (values.length === 0) return () => false;
  const clauses = values.map((value) => {
    const keepsMeaning = value instanceof RegExp || (isPlainObject(value) && '$elemMatch' in value);
    return { [selector]: keepsMeaning ? value : { $eq: value } };
  });
  const query = new Query({ $and: clauses }, options);
  return (doc) => query.test(doc);
};


/**
 * `$gt`/`$gte`/`$lt`/`$lte` in BSON order within the operand's type bracket: mingo compared only
 * values of the same JS type name, so a Long never compared with a number and BinData, ObjectId
 * and Decimal128 ranges went by their string forms. String comparisons under a collation stay mingo's.
 */
function comparison(name: '$gt' | '$gte' | '$lt' | '$lte', accepts: (order: number) => boolean): QueryOperator {
  const original = mingoQuery[name] as unknown as QueryOperator;
  return (selector, operand, options) => {
    if (typeof operand === 'string' && (options as { collation?: unknown }).collation) return original(selector, operand, options);
    const inclusive = name === '$gte' || name === '$lte';
    const test = (value: unknown): boolean => {
      if (value === undefined) return operand === null && inclusive;
      return bsonRank(value) === bsonRank(operand) && accepts(compareBson(value, operand));
    };
    return (doc) => {
      const value = resolve(doc, selector, { unwrapArray: true });
      if (test(value)) return true;
      return Array.isArray(value) && value.some(test);
    };
  };
}

type BitsMode = 'allSet' | 'anySet' | 'allClear' | 'anyClear';

/** `$bitsAllSet` and friends, on integers and (as MongoDB allows, unlike mingo) on BinData. */
function bitwise(name: string, mode: BitsMode): QueryOperator {
  return (selector, operand) => {
    const positions = bitPositions(name, operand);
    const want = mode === 'allSet' || mode === 'anySet';
    const all = mode === 'allSet' || mode === 'allClear';
    const test = (value: unknown): boolean => {
      const bits = bitReader(value);
      if (!bits) return false;
      const hits = (position: number) => bits(position) === want;
      return all ? positions.every(hits) : positions.some(hits);
    };
    return (doc) => {
      const value = resolve(doc, selector, { unwrapArray: true });
      return Array.isArray(value) ? value.some(test) : test(value);
    };
  };
}

function bitPositions(name: string, operand: unknown): number[] {
  if (typeof operand === 'number') {
    if (!Number.isInteger(operand) || operand < 0) throw new StoreError('BadValue', `${name} bitmask must be a non-negative integer`);
    const bits = BigInt(operand);
    return Array.from({ length: bits.toString(2).length }, (_, i) => i).filter((i) => ((bits >> BigInt(i)) & 1n) === 1n);
  }
  if (Array.isArray(operand)) {
    if (!operand.every((p) => typeof p === 'number' && Number.isInteger(p) && p >= 0)) throw new StoreError('BadValue', `${name} bit positions must be non-negative integers`);
    return operand as number[];
  }
  if ((operand as { _bsontype?: string } | null)?._bsontype === 'Binary') {
    const bytes = binaryBytes(operand as never);
    return Array.from({ length: bytes.length * 8 }, (_, i) => i).filter((i) => (((bytes[i >> 3] as number) >> (i & 7)) & 1) === 1);
  }
  throw new StoreError('BadValue', `${name} takes an Array, a number, or a BinData but received: ${typeof operand}`);
}

/** Reads bit `position` of an integer (two's complement, sign-extended) or a BinData; null for other values. */
function bitReader(value: unknown): ((position: number) => boolean) | null {
  let big: bigint | null = null;
  if (typeof value === 'number' && Number.isInteger(value)) big = BigInt(value);
  else if ((value as { _bsontype?: string } | null)?._bsontype === 'Long') big = BigInt((value as object).toString());
  if (big !== null) {
    const n = big;
    return (position) => ((n >> BigInt(position)) & 1n) === 1n;
  }
  if ((value as { _bsontype?: string } | null)?._bsontype === 'Binary') {
    const bytes = binaryBytes(value as never);
    return (position) => position >> 3 < bytes.length && (((bytes[position >> 3] as number) >> (position & 7)) & 1) === 1;
  }
  return null;
}

export const storeQueryOperators: Record<string, QueryOperator> = {
  $type,
  $all,
  $gt: comparison('$gt', (order) => order > 0),
  $gte: comparison('$gte', (order) => order >= 0),
  $lt: comparison('$lt', (order) => order < 0),
  $lte: comparison('$lte', (order) => order <= 0),
  $bitsAllSet: bitwise('$bitsAllSet', 'allSet'),
  $bitsAnySet: bitwise('$bitsAnySet', 'anySet'),
  $bitsAllClear: bitwise('$bitsAllClear', 'allClear'),
  $bitsAnyClear: bitwise('$bitsAnyClear', 'anyClear'),
};
export const storeExpressionOperators: Record<string, ExpressionOperator> = { $type: $typeExpression };

type PipelineOperator = (collection: Iterator, expr: unknown, options: Options) => Iterator;

/** `$sort` in BSON comparison order (mingo's own order is kept under a collation, which it implements). */
const $sort: PipelineOperator = (collection, spec, options) => {
  if ((options as { collation?: unknown }).collation) return (mingoPipeline.$sort as unknown as PipelineOperator)(collection, spec, options);
  if (!isPlainObject(spec) || Object.keys(spec).length === 0) throw new StoreError('Location15976', '$sort stage must have at least one sort key');
  return collection.transform((docs) => Lazy(sortDocuments(docs as Document[], spec)));
};

export const storePipelineOperators: Record<string, PipelineOperator> = { $sort };
