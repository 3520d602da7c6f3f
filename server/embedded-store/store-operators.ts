import type { Document } from 'bson';
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { Query } from 'mingo/query';
import { resolve } from 'mingo/util';
import { bsonTypeCode, bsonTypeName, typeMatcher } from './bson-types';
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


export const storeQueryOperators: Record<string, QueryOperator> = { $type, $all };
export const storeExpressionOperators: Record<string, ExpressionOperator> = { $type: $typeExpression };
