import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { Invalid } from './errors';
import type { InvalidParam } from '@shared/http/problem.schema';

export interface Schemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

type Parsed<S extends Schemas> = {
  [K in keyof S]: S[K] extends z.ZodType ? z.infer<S[K]> : never;
};

/** Turns zod issues into problem+json `invalid_params`, naming where each is. */
export function toInvalidParams(error: z.ZodError, where?: string): InvalidParam[] {
  return error.issues.map((issue) => ({
    name: [where, ...issue.path.map(String)].filter((part) => part !== undefined && part !== '').join('.') || (where ?? 'input'),
    reason: issue.message,
  }));
}

/** Parses params, query and body against shared schemas, rejecting with 400 before the handler runs. */
export function parseRequest<S extends Schemas>(schemas: S, req: Request): Parsed<S> {
  const invalid: InvalidParam[] = [];
  const valid: Record<string, unknown> = {};
  for (const where of ['params', 'query', 'body'] as const) {
    const schema = schemas[where];
    if (!schema) continue;
    const result = schema.safeParse(req[where] ?? {});
    if (result.success) valid[where] = result.data;
    else invalid.push(...toInvalidParams(result.error, where));
  }
  if (invalid.length > 0) throw new Invalid('Some fields are missing or invalid.', invalid);
  return valid as Parsed<S>;
}

/** Where a validated handler keeps the schemas it parses with; the OpenAPI description reads them from there. */
export const ROUTE_SCHEMAS = Symbol('route schemas');

/** The schemas a handler made by `validated` parses its input with, if it is one. */
export function routeSchemasOf(handler: unknown): Schemas | undefined {
  return typeof handler === 'function' ? (handler as { [ROUTE_SCHEMAS]?: Schemas })[ROUTE_SCHEMAS] : undefined;
}

/**
 * A route handler whose input was validated with the given schemas; errors go to the one error handler.
 * The schemas stay attached to it, so the API description documents exactly what the route accepts.
 */
export function validated<S extends Schemas>(
  schemas: S,
  handler: (input: Parsed<S>, req: Request, res: Response) => Promise<void> | void,
): RequestHandler {
  const route: RequestHandler = async (req, res) => {
    await handler(parseRequest(schemas, req), req, res);
  };
  return Object.assign(route, { [ROUTE_SCHEMAS]: schemas });
}
