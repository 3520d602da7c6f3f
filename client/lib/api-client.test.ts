import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CSRF_HEADER } from '@shared/auth/auth.schema';
import { ApiError, CLIENT_PROBLEM_CODES, createApiClient } from './api-client';

interface Call {
  url: string;
  init: RequestInit;
}

/** A stand-in for the network: records each call and answers with a prepared response. */
function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer();
  };
  return { calls, fetch };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const userReply = z.object({ user: z.object({ name: z.string() }) });

async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('createApiClient', () => {
  it('sends JSON with same-origin credentials and the CSRF header, and validates the reply', async () => {
    const { calls, fetch } = fakeFetch(() => json(200, { user: { name: 'Ada' } }));
    const api = createApiClient({ fetch });

    await expect(api.post('/api/auth/login', { email: 'a@b.c' }, userReply)).resolves.toEqual({ user: { name: 'Ada' } });

    const [call] = calls;
    expect(call?.url).toBe('/api/auth/login');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.credentials).toBe('same-origin');
    expect(call?.init.body).toBe('{"email":"a@b.c"}');
    const headers = call?.init.headers as Record<string, string>;
    expect(headers[CSRF_HEADER]).toBe('1');
    expect(headers['Content-Type']).toBe('application/json');
  });

  it('sends the CSRF header on GET too, without a body', async () => {
    const { calls, fetch } = fakeFetch(() => json(200, { user: { name: 'Ada' } }));
    await createApiClient({ fetch }).get('/api/auth/me', userReply);
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers[CSRF_HEADER]).toBe('1');
    expect(headers['Content-Type']).toBeUndefined();
    expect(calls[0]?.init.body).toBeUndefined();
  });

  it('resolves a 204 without a schema', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    await expect(createApiClient({ fetch }).post('/api/auth/logout')).resolves.toBeUndefined();
  });

  it('turns a problem+json reply into an ApiError carrying the parsed problem', async () => {
    const problem = {
      type: 'https://touchpoint.dev/problems/rate-limited',
      title: 'Too many requests',
      status: 429,
      detail: 'Too many sign-in attempts. Try again in 15 minutes.',
      code: 'auth.rate_limited',
    };
    const { fetch } = fakeFetch(() => json(429, problem, 'application/problem+json; charset=utf-8'));

    const error = await rejectionOf(createApiClient({ fetch }).post('/api/auth/login', {}, userReply));
    expect(error.status).toBe(429);
    expect(error.problem).toEqual(problem);
    expect(error.message).toBe(problem.detail);
  });

  it('keeps invalid_params from a validation problem', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      invalid_params: [{ name: 'email', reason: 'Invalid email address' }],
    };
    const { fetch } = fakeFetch(() => json(400, problem, 'application/problem+json'));
    const error = await rejectionOf(createApiClient({ fetch }).post('/x', {}, userReply));
    expect(error.problem.invalid_params).toEqual(problem.invalid_params);
  });

  it('builds a plain problem when the error body is not a problem (e.g. a proxy page)', async () => {
    const { fetch } = fakeFetch(
      () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }),
    );
    const error = await rejectionOf(createApiClient({ fetch }).get('/api/auth/me', userReply));
    expect(error.status).toBe(502);
    expect(error.problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
  });

  it('builds a plain problem when JSON error bodies do not match the problem schema', async () => {
    const { fetch } = fakeFetch(() => json(401, { error: 'nope' }));
    const error = await rejectionOf(createApiClient({ fetch }).get('/api/auth/me', userReply));
    expect(error.status).toBe(401);
    expect(error.problem.title).toBe('HTTP 401');
  });

  it('reports an unreachable server as status 0 with a network code', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await rejectionOf(createApiClient({ fetch }).get('/api/auth/me', userReply));
    expect(error.status).toBe(0);
    expect(error.isNetworkError).toBe(true);
  });

  it('rejects a success reply that does not match the caller schema', async () => {
    const { fetch } = fakeFetch(() => json(200, { user: { name: 42 } }));
    const error = await rejectionOf(createApiClient({ fetch }).get('/api/auth/me', userReply));
    expect(error.status).toBe(200);
    expect(error.problem.code).toBe(CLIENT_PROBLEM_CODES.invalidReply);
    expect(error.problem.detail).toContain('user.name');
  });

  it('prefixes the base URL', async () => {
    const { calls, fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    await createApiClient({ fetch, baseUrl: 'http://127.0.0.1:3000' }).delete('/api/things/1');
    expect(calls[0]?.url).toBe('http://127.0.0.1:3000/api/things/1');
    expect(calls[0]?.init.method).toBe('DELETE');
  });
});
