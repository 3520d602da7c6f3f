import type { z } from 'zod';
import { CSRF_HEADER } from '@shared/auth/auth.schema';
import { problemSchema } from '@shared/http/problem.schema';
import type { Problem } from '@shared/http/problem.schema';

/** Problem codes the client invents when there is no server problem to report. */
export const CLIENT_PROBLEM_CODES = {
  network: 'client.network_error',
  invalidReply: 'client.invalid_reply',
} as const;

/** A failed API call: the HTTP status (0 when the server was never reached) and its problem details. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
  }

  get isNetworkError(): boolean {
    return this.problem.code === CLIENT_PROBLEM_CODES.network;
  }
}

/** What to tell a person about a failed call: the problem's detail and each invalid field, else `fallback`. */
export function problemMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return [error.problem.detail ?? error.problem.title, ...(error.problem.invalid_params ?? []).map((p) => `${p.name}: ${p.reason}`)].join(' ');
  return fallback;
}

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Injected in tests; defaults to the global fetch. */
  fetch?: FetchLike;
  baseUrl?: string;
}

export interface ApiClient {
  get<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  post(path: string, body?: unknown): Promise<void>;
  put<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  patch<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  delete<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  delete(path: string): Promise<void>;
  /** POSTs a file as it is, with its own content type (the server streams it; nothing is parsed here). */
  upload<T>(path: string, file: Blob, contentType: string, schema: z.ZodType<T>): Promise<T>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json\b/i;

/** Builds the staff app's fetch wrapper: JSON both ways, same-origin cookies, CSRF header on every call. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl ?? '';

  /** `body` goes as JSON, or as it is when `rawContentType` names its type. */
  async function request<T>(method: Method, path: string, body: unknown, schema?: z.ZodType<T>, rawContentType?: string): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      [CSRF_HEADER]: '1',
    };
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (rawContentType !== undefined) {
      headers['Content-Type'] = rawContentType;
      init.body = body as BodyInit;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }

    let response: Response;
    try {
      response = await doFetch(baseUrl + path, init);
    } catch (cause) {
      throw new ApiError(0, {
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        detail: cause instanceof Error ? cause.message : undefined,
        code: CLIENT_PROBLEM_CODES.network,
      });
    }

    const payload = await readJsonBody(response);
    if (!response.ok) throw new ApiError(response.status, problemFrom(response, payload));
    if (!schema) return undefined as T;

    const parsed = schema.safeParse(payload.kind === 'json' ? payload.value : undefined);
    if (!parsed.success) {
      throw new ApiError(response.status, {
        type: 'about:blank',
        title: 'Unexpected reply from the server',
        status: response.status,
        detail: `${method} ${path}: ${parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'} ${issue.message}`).join('; ')}`,
        code: CLIENT_PROBLEM_CODES.invalidReply,
      });
    }
    return parsed.data;
  }

  function post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  function post(path: string, body?: unknown): Promise<void>;
  function post<T>(path: string, body?: unknown, schema?: z.ZodType<T>): Promise<T | void> {
    return request('POST', path, body, schema);
  }
  function del<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  function del(path: string): Promise<void>;
  function del<T>(path: string, schema?: z.ZodType<T>): Promise<T | void> {
    return request('DELETE', path, undefined, schema);
  }

  return {
    get: (path, schema) => request('GET', path, undefined, schema),
    post,
    put: (path, body, schema) => request('PUT', path, body, schema),
    patch: (path, body, schema) => request('PATCH', path, body, schema),
    delete: del,
    upload: (path, file, contentType, schema) => request('POST', path, file, schema, contentType),
  };
}

type Body = { kind: 'empty' } | { kind: 'json'; value: unknown } | { kind: 'other'; text: string };

async function readJsonBody(response: Response): Promise<Body> {
  if (response.status === 204 || response.status === 205) return { kind: 'empty' };
  const text = await response.text().catch(() => '');
  if (text === '') return { kind: 'empty' };
  const contentType = response.headers.get('content-type') ?? '';
  if (!JSON_TYPES.test(contentType)) return { kind: 'other', text };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'other', text };
  }
}

/** The server's problem details when it sent valid ones, otherwise a plain one built from the status line. */
function problemFrom(response: Response, body: Body): Problem {
  if (body.kind === 'json') {
    const parsed = problemSchema.safeParse(body.value);
    if (parsed.success) return parsed.data;
  }
  return { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status };
}

/** The staff app's shared client. */
export const api = createApiClient();
