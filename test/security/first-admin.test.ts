import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_BOARD_PATH } from '../../server/ops/queue-board.routes';
import { startTestPlatform, type TestPlatform } from '../harness/platform';

// Issue 13, medium: the first admin kept the generated password, which sits in a file in the data
// directory, for as long as nobody thought to change it.
let tp: TestPlatform;
let passwordFile: string;
let generated: string;
const email = 'admin@example.test';

beforeAll(async () => {
  // No ADMIN_PASSWORD: the platform generates one, as on a fresh install.
  tp = await startTestPlatform({ ADMIN_PASSWORD: '' });
  passwordFile = path.join(tp.dataDir, 'initial-admin-password');
  generated = (await fs.readFile(passwordFile, 'utf8')).trim();
});
afterAll(async () => {
  await tp?.stop();
});

describe('first admin with a generated password', () => {
  it('keeps the password in an owner-only file and must change it before anything else', async () => {
    expect((await fs.stat(passwordFile)).mode & 0o777).toBe(0o600);
    const signedIn = await tp.request('/api/auth/login', { body: { email, password: generated } });
    expect(signedIn.body).toMatchObject({ user: { email, role: 'admin', mustChangePassword: true } });
    const cookie = await tp.login(email, generated);

    expect((await tp.request('/api/auth/me', { cookie })).status).toBe(200);
    for (const [pathname, body] of [['/api/surveys', undefined], ['/api/users', undefined], ['/api/auth/tokens', { name: 'ci' }]] as const) {
      const refused = await tp.request(pathname, { cookie, body });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 403, code: 'password-change-required' });
    }
    expect((await tp.request(QUEUE_BOARD_PATH, { cookie })).status).toBe(403);
  });

  it('needs the current password and a different new one; the file stays until then', async () => {
    const cookie = await tp.login(email, generated);
    const change = (body: unknown) => tp.request('/api/auth/password', { cookie, body });
    expect((await change({ currentPassword: 'not the generated one', newPassword: 'my-own-admin-password' })).status).toBe(400);
    expect((await change({ currentPassword: generated, newPassword: generated })).status).toBe(400);
    expect((await change({ currentPassword: generated, newPassword: 'too-short' })).status).toBe(400);
    await expect(fs.stat(passwordFile)).resolves.toBeTruthy();
  });

  it('after the change: full access, the generated password no longer works, and its file is gone', async () => {
    const cookie = await tp.login(email, generated);
    const changed = await tp.request('/api/auth/password', { cookie, body: { currentPassword: generated, newPassword: 'my-own-admin-password' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ user: { mustChangePassword: false } });
    expect((await tp.request('/api/surveys', { cookie })).status).toBe(200);
    await expect(fs.stat(passwordFile)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await tp.request('/api/auth/login', { body: { email, password: generated } })).status).toBe(401);
    expect((await tp.request('/api/auth/me', { cookie: await tp.login(email, 'my-own-admin-password') })).body).toMatchObject({
      user: { mustChangePassword: false },
    });
  });
});
