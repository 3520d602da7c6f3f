import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { InvalidParam, Problem } from '@shared/http/problem.schema';

const PROBLEM_BASE = 'https://touchpoint.dev/problems/';

/** An error a handler throws on purpose; the error handler turns it into problem+json. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    detail?: string,
    readonly invalidParams?: InvalidParam[],
    readonly headers?: Record<string, string>,
    /** Extra problem members (RFC 9457 extensions), e.g. `allowed_moves` on a refused case transition. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? title);
    this.name = 'HttpError';
  }
}

export class Invalid extends HttpError {
  constructor(detail: string, invalidParams?: InvalidParam[]) {
    super(400, 'invalid-request', 'Invalid request', detail, invalidParams);
  }
}
export class Unauthenticated extends HttpError {
  constructor(detail = 'Sign in or send a valid API token.') {
    super(401, 'unauthenticated', 'Authentication required', detail);
  }
}
export class Forbidden extends HttpError {
  constructor(detail = 'Your role may not do this.') {
    super(403, 'forbidden', 'Forbidden', detail);
  }
}
export class NotFound extends HttpError {
  constructor(detail = 'Nothing is here.') {
    super(404, 'not-found', 'Not found', detail);
  }
}
export class Conflict extends HttpError {
  constructor(detail: string, code = 'conflict', extensions?: Record<string, unknown>) {
    super(409, code, 'Conflict', detail, undefined, undefined, extensions);
  }
}
export class Gone extends HttpError {
  constructor(detail = 'This is no longer available.') {
    super(410, 'gone', 'Gone', detail);
  }
}
export class TooManyRequests extends HttpError {
  constructor(retryAfterSeconds: number, detail = 'Too many requests; try again later.') {
    super(429, 'rate-limited', 'Too many requests', detail, undefined, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
}

function problemBody(status: number, code: string, title: string, detail?: string, invalidParams?: InvalidParam[]): Problem {
  return {
    type: PROBLEM_BASE + code,
    title,
    status,
    code,
    ...(detail !== undefined ? { detail } : {}),
    ...(invalidParams && invalidParams.length > 0 ? { invalid_params: invalidParams } : {}),
  };
}

/** Errors thrown by body-parser carry a status and a type; they are the client's fault. */
function fromBodyParser(err: unknown): HttpError | undefined {
  if (typeof err !== 'object' || err === null || !('type' in err)) return undefined;
  const type = (err as { type?: unknown }).type;
  switch (type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'malformed-json', 'Malformed JSON', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new HttpError(413, 'body-too-large', 'Request body too large', 'The request body exceeds the size limit.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported-encoding', 'Unsupported encoding', 'Send UTF-8 JSON.');
    case 'request.aborted':
      return new HttpError(400, 'request-aborted', 'Request aborted');
    default:
      return undefined;
  }
}

/** Answers any request no route took. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFound(`No route for ${req.method} ${req.path}.`));
};

/** The one error handler: every error response of the API is written here. */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const known = err instanceof HttpError ? err : fromBodyParser(err);
  const error =
    known ?? new HttpError(500, 'internal', 'Internal server error', 'Something went wrong on our side; it has been logged.');
  if (!known) req.log?.error({ err }, 'unhandled error');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  res
    .status(error.status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...error.extensions, ...problemBody(error.status, error.code, error.title, error.message, error.invalidParams), instance: req.id }));
};
