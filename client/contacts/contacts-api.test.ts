import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@shared/auth/auth.schema';
import { ApiError, CLIENT_PROBLEM_CODES, createApiClient } from '../lib/api-client';
import { contactListQuery, contactsApi, NO_FILTERS } from './contacts-api';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('contactListQuery', () => {
  it('leaves out filters that are "any" and trims the search', () => {
    expect(contactListQuery(NO_FILTERS)).toBe('limit=50');
    expect(contactListQuery({ segment: 'vip', q: '  Ann Lee ', unsubscribed: 'false' }, 'a'.repeat(24), 20)).toBe(
      `segment=vip&q=Ann+Lee&unsubscribed=false&cursor=${'a'.repeat(24)}&limit=20`,
    );
    expect(contactListQuery({ ...NO_FILTERS, q: '   ' })).toBe('limit=50');
  });
});

/** The contacts calls over an api client whose fetch is `fetch`. */
const importCsvWith = (fetch: (url: string, init: RequestInit) => Promise<Response>) => (file: Blob) => contactsApi(createApiClient({ fetch })).importCsv(file);

describe('contactsApi.importCsv', () => {
  const file = new Blob(['email\nann@example.test\n'], { type: 'text/csv' });
  const report = { created: 1, updated: 0, rejected: [], rejectedCount: 0, total: 1 };

  it('sends the file as it is, as text/csv with the CSRF header, and returns the checked report', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fetch = async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return json(200, report);
    };
    await expect(importCsvWith(fetch)(file)).resolves.toEqual(report);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/contacts');
    expect(calls[0]!.init).toMatchObject({ method: 'POST', body: file, credentials: 'same-origin' });
    expect(calls[0]!.init?.headers).toMatchObject({ 'Content-Type': 'text/csv; charset=utf-8', [CSRF_HEADER]: '1' });
  });

  it('turns a problem reply into an ApiError carrying it', async () => {
    const problem = { type: 'x', title: 'Request body too large', status: 413, code: 'body-too-large' };
    const error = await rejectionOf(importCsvWith(async () => json(413, problem, 'application/problem+json'))(file));
    expect(error.status).toBe(413);
    expect(error.problem).toEqual(problem);
  });

  it('reports a network failure and a reply that is not a report', async () => {
    const offline = await rejectionOf(
      importCsvWith(async () => {
        throw new TypeError('fetch failed');
      })(file),
    );
    expect(offline.isNetworkError).toBe(true);
    const odd = await rejectionOf(importCsvWith(async () => json(200, { ok: true }))(file));
    expect(odd.problem.code).toBe(CLIENT_PROBLEM_CODES.invalidReply);
  });
});
