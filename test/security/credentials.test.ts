import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialModel } from '../../server/auth/credential.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';

// Issue 13, medium: API tokens could not be listed, revoked or bounded in time, and users could not be
// disabled, demoted or reset without their existing sessions and tokens living on.
const MAX_DAYS = 30;
const LOGIN_LIMIT = 4;
let tp: TestPlatform;
let admin: string;

beforeAll(async () => {
  tp = await startTestPlatform({ API_TOKEN_MAX_DAYS: String(MAX_DAYS), LOGIN_MAX_ATTEMPTS: String(LOGIN_LIMIT) });
  admin = await tp.login();
});
afterAll(async () => {
  await tp?.stop();
});

let userCount = 0;
/** A new staff user, signed in once, with one API token. */
async function staffUser(role: 'admin' | 'designer' | 'analyst' = 'analyst') {
  const email = `user${++userCount}@example.test`;
  const password = `password-of-${userCount}-user`;
  const created = await tp.request('/api/users', { cookie: admin, body: { email, name: `User ${userCount}`, role, password } });
  expect(created.status).toBe(201);
  const id = (created.body as { user: { id: string } }).user.id;
  const cookie = await tp.login(email, password);
  const token = await createToken(cookie, `token of ${email}`);
  return { id, email, password, cookie, token: token.token, tokenId: token.id };
}

async function createToken(cookie: string, name: string, expiresInDays?: number) {
  const created = await tp.request('/api/auth/tokens', { cookie, body: { name, ...(expiresInDays ? { expiresInDays } : {}) } });
  expect(created.status).toBe(201);
  return created.body as { id: string; token: string; expiresAt: string };
}

const me = (credentials: { cookie?: string; token?: string }) => tp.request('/api/auth/me', credentials).then((r) => r.status);

describe('API tokens', () => {
  it('lists the caller\'s own tokens, and everyone\'s for an admin only', async () => {
    const ana = await staffUser();
    const own = await tp.request('/api/auth/tokens', { cookie: ana.cookie });
    expect(own.status).toBe(200);
    const tokens = (own.body as { tokens: { id: string; name: string; userEmail: string }[] }).tokens;
    expect(tokens.map((t) => t.id)).toEqual([ana.tokenId]);
    expect(own.text).not.toContain(ana.token);
    expect((await tp.request('/api/auth/tokens?scope=all', { cookie: ana.cookie })).status).toBe(403);

    const all = await tp.request('/api/auth/tokens?scope=all', { cookie: admin });
    const listed = (all.body as { tokens: { id: string; userEmail: string }[] }).tokens;
    expect(listed).toContainEqual(expect.objectContaining({ id: ana.tokenId, userEmail: ana.email }));
    expect((await tp.request('/api/auth/tokens', { cookie: admin })).body).not.toMatchObject({ tokens: expect.arrayContaining([expect.objectContaining({ id: ana.tokenId })]) });
  });

  it('refuses an unknown list option with 400', async () => {
    const reply = await tp.request('/api/auth/tokens?scope=everyone&page=2', { cookie: admin });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('refuses a revoked token with 401; others cannot revoke a token not theirs, admins can', async () => {
    const ana = await staffUser();
    const bob = await staffUser();
    expect(await me({ token: ana.token })).toBe(200);
    expect((await tp.request(`/api/auth/tokens/${ana.tokenId}`, { cookie: bob.cookie, method: 'DELETE' })).status).toBe(404);
    expect(await me({ token: ana.token })).toBe(200);
    expect((await tp.request(`/api/auth/tokens/${ana.tokenId}`, { cookie: ana.cookie, method: 'DELETE' })).status).toBe(204);
    expect(await me({ token: ana.token })).toBe(401);
    expect((await tp.request(`/api/auth/tokens/${bob.tokenId}`, { token: ana.token, method: 'DELETE' })).status).toBe(401);
    expect((await tp.request(`/api/auth/tokens/${bob.tokenId}`, { cookie: admin, method: 'DELETE' })).status).toBe(204);
    expect(await me({ token: bob.token })).toBe(401);
    expect((await tp.request('/api/auth/tokens/not-an-id', { cookie: admin, method: 'DELETE' })).status).toBe(400);
  });

  it('needs the CSRF header to revoke with a session', async () => {
    const ana = await staffUser();
    const reply = await tp.request(`/api/auth/tokens/${ana.tokenId}`, { cookie: ana.cookie, method: 'DELETE', csrf: false });
    expect(reply.status).toBe(403);
    expect(await me({ token: ana.token })).toBe(200);
  });

  it('refuses an expired token', async () => {
    const token = await createToken(admin, 'short-lived', 1);
    expect(await me({ token: token.token })).toBe(200);
    await CredentialModel.updateOne({ _id: token.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const reply = await tp.request('/api/auth/me', { token: token.token });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ detail: 'The API token is unknown, expired or malformed.' });
  });

  it('gives every token at most the maximum lifetime, and refuses a longer one with 400', async () => {
    const before = Date.now();
    const byDefault = await createToken(admin, 'default lifetime');
    const lifetime = new Date(byDefault.expiresAt).getTime() - before;
    expect(lifetime).toBeGreaterThan((MAX_DAYS * 86_400 - 60) * 1000);
    expect(lifetime).toBeLessThanOrEqual((MAX_DAYS * 86_400 + 60) * 1000);
    await createToken(admin, 'exactly the max', MAX_DAYS);
    const tooLong = await tp.request('/api/auth/tokens', { cookie: admin, body: { name: 'forever', expiresInDays: MAX_DAYS + 1 } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ invalid_params: [{ name: 'body.expiresInDays', reason: `must be at most ${MAX_DAYS}` }] });
  });

  it('records the last use at most once a minute', async () => {
    const token = await createToken(admin, 'busy');
    const lastUsed = async () => (await CredentialModel.findById(token.id).lean())?.lastUsedAt?.getTime() ?? null;
    expect(await lastUsed()).toBeNull();
    expect(await me({ token: token.token })).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    const writes = await Promise.all(Array.from({ length: 5 }, () => me({ token: token.token })));
    expect(writes).toEqual([200, 200, 200, 200, 200]);
    expect(await lastUsed()).toBe(first);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await CredentialModel.updateOne({ _id: token.id }, { $set: { lastUsedAt: twoMinutesAgo } });
    expect(await me({ token: token.token })).toBe(200);
    expect(await lastUsed()).toBeGreaterThan(twoMinutesAgo.getTime());
    const listed = await tp.request('/api/auth/tokens', { cookie: admin });
    const entry = (listed.body as { tokens: { id: string; lastUsedAt: string | null }[] }).tokens.find((t) => t.id === token.id);
    expect(entry?.lastUsedAt).toBe(new Date((await lastUsed())!).toISOString());
  });
});

describe('user administration', () => {
  const patch = (id: string, body: unknown, cookie = admin) => tp.request(`/api/users/${id}`, { cookie, method: 'PATCH', body });

  it('disabling a user ends their live session and tokens at once; enabling lets them sign in again', async () => {
    const ana = await staffUser();
    const disabled = await patch(ana.id, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ user: { id: ana.id, disabled: true } });
    expect(await me({ cookie: ana.cookie })).toBe(401);
    expect(await me({ token: ana.token })).toBe(401);
    expect((await tp.request('/api/auth/login', { body: { email: ana.email, password: ana.password } })).status).toBe(401);
    expect((await patch(ana.id, { disabled: false })).status).toBe(200);
    expect(await me({ cookie: await tp.login(ana.email, ana.password) })).toBe(200);
    // Enabling does not bring old credentials back.
    expect(await me({ token: ana.token })).toBe(401);
  });

  it('a role change ends the user\'s sessions and tokens', async () => {
    const ana = await staffUser();
    const changed = await patch(ana.id, { role: 'designer' });
    expect(changed.body).toMatchObject({ user: { role: 'designer' } });
    expect(await me({ cookie: ana.cookie })).toBe(401);
    expect(await me({ token: ana.token })).toBe(401);
    const again = await tp.request('/api/auth/me', { cookie: await tp.login(ana.email, ana.password) });
    expect(again.body).toMatchObject({ user: { role: 'designer' } });
  });

  it('a password reset ends sessions and tokens, and the user must choose a new password', async () => {
    const ana = await staffUser();
    const reset = await tp.request(`/api/users/${ana.id}/password`, { cookie: admin, body: { password: 'temporary-password' } });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ user: { mustChangePassword: true } });
    expect(await me({ cookie: ana.cookie })).toBe(401);
    expect(await me({ token: ana.token })).toBe(401);
    expect((await tp.request('/api/auth/login', { body: { email: ana.email, password: ana.password } })).status).toBe(401);
    const cookie = await tp.login(ana.email, 'temporary-password');
    const blocked = await tp.request('/api/touchpoints', { cookie });
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'password-change-required' });
    const changed = await tp.request('/api/auth/password', { cookie, body: { currentPassword: 'temporary-password', newPassword: 'ana-own-password' } });
    expect(changed.body).toMatchObject({ user: { mustChangePassword: false } });
    expect((await tp.request('/api/touchpoints', { cookie })).status).toBe(200);
  });

  it('refuses to leave no active admin (409), and allows it while another admin remains', async () => {
    const adminId = ((await tp.request('/api/auth/me', { cookie: admin })).body as { user: { id: string } }).user.id;
    for (const change of [{ disabled: true }, { role: 'analyst' }]) {
      const reply = await patch(adminId, change);
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({ code: 'last-admin' });
    }
    // The guard runs after the write (so racing admins cannot both pass it) and puts the change back.
    expect((await tp.request('/api/auth/me', { cookie: admin })).body).toMatchObject({ user: { role: 'admin', disabled: false } });

    const second = await staffUser('admin');
    expect((await patch(second.id, { role: 'designer' }, second.cookie)).status).toBe(200);
    // Its own session ended with the change.
    expect(await me({ cookie: second.cookie })).toBe(401);
    const users = await tp.request('/api/users', { cookie: admin });
    expect((users.body as { users: { email: string; role: string }[] }).users).toContainEqual(expect.objectContaining({ email: second.email, role: 'designer' }));
  });

  it('validates changes: unknown fields, empty changes, bad ids, unknown users, weak passwords', async () => {
    const ana = await staffUser();
    expect((await patch(ana.id, { role: 'designer', superuser: true })).status).toBe(400);
    expect((await patch(ana.id, {})).status).toBe(400);
    expect((await patch(ana.id, { role: 'owner' })).status).toBe(400);
    expect((await patch('123', { disabled: true })).status).toBe(400);
    expect((await patch('0123456789abcdef01234567', { disabled: true })).status).toBe(404);
    expect((await tp.request(`/api/users/${ana.id}/password`, { cookie: admin, body: { password: 'short' } })).status).toBe(400);
    expect(await me({ cookie: ana.cookie })).toBe(200);
  });

  it('is for admins only, and cookie writes need the CSRF header', async () => {
    const ana = await staffUser();
    const bob = await staffUser();
    expect((await patch(bob.id, { disabled: true }, ana.cookie)).status).toBe(403);
    expect((await tp.request(`/api/users/${bob.id}`, { cookie: admin, method: 'PATCH', body: { disabled: true }, csrf: false })).status).toBe(403);
    expect(await me({ cookie: bob.cookie })).toBe(200);
  });
});

describe('changing one\'s own password', () => {
  it('needs the current password and a new one that differs and meets the policy', async () => {
    const ana = await staffUser();
    const change = (body: unknown) => tp.request('/api/auth/password', { cookie: ana.cookie, body });
    const wrong = await change({ currentPassword: 'not it at all', newPassword: 'a-brand-new-password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ invalid_params: [{ name: 'body.currentPassword' }] });
    expect((await change({ currentPassword: ana.password, newPassword: ana.password })).body).toMatchObject({
      invalid_params: [{ name: 'body.newPassword', reason: 'must differ from the current password' }],
    });
    expect((await change({ currentPassword: ana.password, newPassword: 'short' })).status).toBe(400);
    expect((await change({ currentPassword: ana.password, newPassword: 'a-brand-new-password', extra: 1 })).status).toBe(400);
    expect((await tp.request('/api/auth/password', { cookie: ana.cookie, body: { currentPassword: ana.password, newPassword: 'a-brand-new-password' }, csrf: false })).status).toBe(403);
  });

  it('limits wrong current passwords per user like failed sign-ins (429)', async () => {
    const ana = await staffUser();
    const guess = () => tp.request('/api/auth/password', { cookie: ana.cookie, body: { currentPassword: 'a guess at it', newPassword: 'a-brand-new-password' } });
    const statuses = await Promise.all(Array.from({ length: LOGIN_LIMIT + 3 }, guess));
    expect(statuses.filter((reply) => reply.status === 400)).toHaveLength(LOGIN_LIMIT);
    expect(statuses.filter((reply) => reply.status === 429)).toHaveLength(3);
    const right = await tp.request('/api/auth/password', { cookie: ana.cookie, body: { currentPassword: ana.password, newPassword: 'a-brand-new-password' } });
    expect(right.status).toBe(429);
  });

  it('keeps this session and the tokens, and ends the other sessions', async () => {
    const ana = await staffUser();
    const otherSession = await tp.login(ana.email, ana.password);
    const changed = await tp.request('/api/auth/password', { cookie: ana.cookie, body: { currentPassword: ana.password, newPassword: 'a-brand-new-password' } });
    expect(changed.status).toBe(200);
    expect(await me({ cookie: ana.cookie })).toBe(200);
    expect(await me({ token: ana.token })).toBe(200);
    expect(await me({ cookie: otherSession })).toBe(401);
    expect((await tp.request('/api/auth/login', { body: { email: ana.email, password: ana.password } })).status).toBe(401);
  });
});
