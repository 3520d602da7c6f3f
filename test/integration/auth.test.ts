import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialModel } from '../../server/auth/credential.model';
import { UserModel } from '../../server/auth/user.model';
import { ADMIN, startTestPlatform, type TestPlatform } from '../harness/platform';

let tp: TestPlatform;
beforeAll(async () => {
  tp = await startTestPlatform({ LOGIN_MAX_ATTEMPTS: '3' });
});
afterAll(async () => {
  await tp?.stop();
});

const analyst = { email: 'ana@example.test', name: 'Ana Lyst', role: 'analyst', password: 'analyst-password-1' };

describe('staff sign-in', () => {
  it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    const cookie = await tp.login();
    const me = await tp.request('/api/auth/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { email: ADMIN.email, role: 'admin' } });
  });

  it('sets an httpOnly session cookie', async () => {
    const response = await tp.request('/api/auth/login', { body: ADMIN });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tp_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with problem+json', async () => {
    const response = await tp.request('/api/auth/login', { body: { email: ADMIN.email, password: 'wrong password' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 401, code: 'unauthenticated', detail: 'Wrong email or password.' });
  });

  it('refuses an unknown user the same way', async () => {
    const response = await tp.request('/api/auth/login', { body: { email: 'nobody@example.test', password: 'whatever123' } });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ detail: 'Wrong email or password.' });
  });

  it('validates the login body', async () => {
    const response = await tp.request('/api/auth/login', { body: { email: 'not-an-email' } });
    expect(response.status).toBe(400);
    const names = (response.body as { invalid_params: { name: string }[] }).invalid_params.map((p) => p.name).sort();
    expect(names).toEqual(['body.email', 'body.password']);
  });

  it('rate-limits repeated failures for one account with Retry-After', async () => {
    const attempt = () => tp.request('/api/auth/login', { body: { email: 'victim@example.test', password: 'guess-guess' } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ code: 'rate-limited' });
    // Another account from the same address is still allowed.
    expect((await tp.request('/api/auth/login', { body: ADMIN })).status).toBe(200);
  });

  it('requires the CSRF header for login and cookie-authenticated writes', async () => {
    expect((await tp.request('/api/auth/login', { body: ADMIN, csrf: false })).status).toBe(403);
    const cookie = await tp.login();
    const response = await tp.request('/api/auth/tokens', { cookie, body: { name: 'ci' }, csrf: false });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'csrf' });
  });

  it('ends the session on logout', async () => {
    const cookie = await tp.login();
    expect((await tp.request('/api/auth/logout', { cookie, method: 'POST' })).status).toBe(204);
    expect((await tp.request('/api/auth/me', { cookie })).status).toBe(401);
  });

  it('reads the session and its user fresh on every request, though it reads them together once it knows the user', async () => {
    const created = await tp.request('/api/users', { cookie: await tp.login(), body: { email: 'fresh@example.test', name: 'Fresh', role: 'analyst', password: 'fresh-password-1' } });
    expect(created.status, created.text).toBe(201);
    const cookie = await tp.login('fresh@example.test', 'fresh-password-1');
    for (let i = 0; i < 2; i++) expect((await tp.request('/api/auth/me', { cookie })).body).toMatchObject({ user: { email: 'fresh@example.test' } });
    // Disabled behind the API's back (no revocation): the very next request is refused.
    await UserModel.updateOne({ email: 'fresh@example.test' }, { $set: { disabled: true } });
    expect((await tp.request('/api/auth/me', { cookie })).status).toBe(401);
    await UserModel.updateOne({ email: 'fresh@example.test' }, { $set: { disabled: false } });
    expect((await tp.request('/api/auth/me', { cookie })).status).toBe(200);
    // The user a credential names is the credential's, not the one remembered from before.
    const admin = await UserModel.findOne({ email: ADMIN.email }).lean();
    await CredentialModel.updateMany({ userId: (await UserModel.findOne({ email: 'fresh@example.test' }).lean())!._id }, { $set: { userId: admin!._id } });
    expect((await tp.request('/api/auth/me', { cookie })).body).toMatchObject({ user: { email: ADMIN.email } });
  });

  it('refuses an expired session', async () => {
    const cookie = await tp.login();
    await CredentialModel.updateMany({ kind: 'session' }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await tp.request('/api/auth/me', { cookie });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ detail: 'Your session has expired; sign in again.' });
  });
});

describe('API tokens and roles', () => {
  it('needs a session or a token everywhere under /api', async () => {
    for (const path of ['/api/auth/me', '/api/users']) {
      const response = await tp.request(path);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('issues a personal token accepted as a Bearer token without CSRF header', async () => {
    const cookie = await tp.login();
    const created = await tp.request('/api/auth/tokens', { cookie, body: { name: 'reporting' } });
    expect(created.status).toBe(201);
    const { token } = created.body as { token: string };
    expect(token).toMatch(/^tpat_[A-Za-z0-9_-]{40,}$/);
    const me = await tp.request('/api/auth/me', { token, csrf: false });
    expect(me.body).toMatchObject({ user: { email: ADMIN.email } });
    const users = await tp.request('/api/users', { token, csrf: false, body: analyst });
    expect(users.status).toBe(201);
  });

  it('refuses a missing, malformed or unknown token', async () => {
    expect((await tp.request('/api/auth/me', { headers: { authorization: 'Bearer' } })).status).toBe(401);
    expect((await tp.request('/api/auth/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    const unknown = await tp.request('/api/auth/me', { token: 'tpat_' + 'x'.repeat(43) });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ detail: 'The API token is unknown, expired or malformed.' });
  });

  it('denies an analyst what only an admin may do', async () => {
    const cookie = await tp.login(analyst.email, analyst.password);
    const response = await tp.request('/api/users', { cookie });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'forbidden', status: 403 });
    const me = await tp.request('/api/auth/me', { cookie });
    expect(me.body).toMatchObject({ user: { role: 'analyst', name: analyst.name } });
  });

  it('refuses a second user with the same email', async () => {
    const cookie = await tp.login();
    const response = await tp.request('/api/users', { cookie, body: { ...analyst, email: 'ANA@example.test' } });
    expect(response.status).toBe(409);
  });

  it('never stores a password or a token in clear', async () => {
    const stored = await CredentialModel.find().lean();
    expect(stored.length).toBeGreaterThan(0);
    for (const credential of stored) expect(credential.secretHash).not.toMatch(/^tpat_/);
  });
});
