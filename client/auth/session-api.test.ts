import { describe, expect, it } from 'vitest';
import { createApiClient } from '../lib/api-client';
import { fetchCurrentUser } from './session-api';

const user = { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'analyst', disabled: false, mustChangePassword: false };
const answer = (status: number, body: unknown, type = 'application/json') => () =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': type } }));

describe('fetchCurrentUser', () => {
  it('returns the user from GET /api/auth/me', async () => {
    const api = createApiClient({ fetch: answer(200, { user }) });
    await expect(fetchCurrentUser(api)).resolves.toEqual(user);
  });

  it('treats 401 as signed out', async () => {
    const problem = { type: 'about:blank', title: 'Unauthorized', status: 401 };
    const api = createApiClient({ fetch: answer(401, problem, 'application/problem+json') });
    await expect(fetchCurrentUser(api)).resolves.toBeNull();
  });

  it('lets other failures through so the app can offer a retry', async () => {
    const problem = { type: 'about:blank', title: 'Internal Server Error', status: 500 };
    const api = createApiClient({ fetch: answer(500, problem, 'application/problem+json') });
    await expect(fetchCurrentUser(api)).rejects.toMatchObject({ status: 500 });
  });

  it('rejects a user with an unknown role', async () => {
    const api = createApiClient({ fetch: answer(200, { user: { ...user, role: 'root' } }) });
    await expect(fetchCurrentUser(api)).rejects.toMatchObject({ status: 200 });
  });
});
