import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { spawnEntry } from '../harness/spawn-entry';

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-entry-'));
afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

/** Signs in as the default admin of a platform started by a test, as the staff page would. */
function signInAsAdmin(baseUrl: string, password: string): Promise<Response> {
  return fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-touchpoint-csrf': '1' },
    body: JSON.stringify({ email: 'admin@touchpoint.local', password }),
  });
}

describe('process entries', () => {
  it('exits non-zero and names a bad variable', async () => {
    const entry = spawnEntry('server/main.ts', { PORT: 'eighty', SMTP_URL: 'http://mail', DATA_DIR: scratch });
    const { code } = await entry.exited;
    expect(code).toBe(2);
    const text = entry.output.join('\n');
    expect(text).toMatch(/Invalid configuration/);
    expect(text).toMatch(/PORT: /);
    expect(text).toMatch(/SMTP_URL: must be a URL starting with smtp:\/\//);
  });

  it('refuses to run a lone worker on embedded defaults', async () => {
    const entry = spawnEntry('server/worker.ts', { DATA_DIR: scratch });
    expect((await entry.exited).code).toBe(2);
    expect(entry.output.join('\n')).toMatch(/needs MONGODB_URI and REDIS_URL/);
  });

  it('names the package to install when redis-server is missing', async () => {
    const entry = spawnEntry('server/main.ts', {
      PATH: '/nonexistent',
      DATA_DIR: path.join(scratch, 'no-redis'),
      MONGODB_URI: `${inject('mongoBaseUri')}/entry_no_redis`,
      PORT: '0',
    });
    expect((await entry.exited).code).toBe(1);
    expect(entry.output.join('\n')).toMatch(/redis-server was not found on PATH\. Install it with: apt-get install redis-server/);
  });

  it('starts on embedded defaults alone, serves health, keeps mail in the outbox folder, and stops on SIGTERM', async () => {
    const dataDir = path.join(scratch, 'embedded');
    const entry = spawnEntry('server/main.ts', { DATA_DIR: dataDir, PORT: '0' });
    try {
      const [, url] = await entry.waitForLine(/^listening (http:\/\/127\.0\.0\.1:\d+)$/, 120_000);
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      expect(entry.output.join('\n')).toMatch(/Embedded defaults in use for database, redis, mail/);
      const passwordFile = path.join(dataDir, 'initial-admin-password');
      const password = (await fs.readFile(passwordFile, 'utf8')).trim();
      // Only the path is printed; the generated password must be changed at first sign-in, which removes the file.
      expect(entry.output.join('\n')).toContain(`admin login: admin@touchpoint.local (first password in ${passwordFile}; it must be changed at first sign-in)`);
      expect(entry.output.join('\n')).not.toContain(password);
      const signedIn = await signInAsAdmin(url!, password);
      expect(signedIn.status).toBe(200);
      const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
      const changed = await fetch(`${url}/api/auth/password`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-touchpoint-csrf': '1' },
        body: JSON.stringify({ currentPassword: password, newPassword: 'the-admin-own-password' }),
      });
      expect(changed.status).toBe(200);
      await expect(fs.stat(passwordFile)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(await (await fetch(`${url}/api/health`, { headers: { cookie } })).json()).toMatchObject({
        status: 'ok',
        services: { database: { status: 'up', embedded: true }, redis: { status: 'up', embedded: true }, mail: { status: 'up', embedded: true } },
      });
      await expect(fs.stat(path.join(dataDir, 'redis', 'appendonlydir'))).resolves.toBeTruthy();
      await expect(fs.stat(path.join(dataDir, 'outbox'))).resolves.toBeTruthy();
    } finally {
      entry.child.kill('SIGTERM');
    }
    expect(await entry.exited).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('comes back on the same data after the platform is killed with SIGKILL', async () => {
    const dataDir = path.join(scratch, 'killed');
    const first = spawnEntry('server/main.ts', { DATA_DIR: dataDir, PORT: '0', ADMIN_PASSWORD: 'first-admin-password' });
    const [, url] = await first.waitForLine(/^listening (http:\/\/\S+)$/, 120_000);
    expect((await signInAsAdmin(url!, 'first-admin-password')).status).toBe(200);
    first.child.kill('SIGKILL');
    await first.exited;

    // The store notices its parent is gone and releases its lock; the orphaned redis-server is replaced.
    const second = spawnEntry('server/main.ts', { DATA_DIR: dataDir, PORT: '0' });
    try {
      const [, again] = await second.waitForLine(/^listening (http:\/\/\S+)$/, 120_000);
      // The admin made by the first run is still there: no new admin was created.
      expect((await signInAsAdmin(again!, 'first-admin-password')).status).toBe(200);
      expect(second.output.join('\n')).not.toMatch(/admin login: admin@touchpoint.local \//);
    } finally {
      second.child.kill('SIGTERM');
    }
    expect((await second.exited).code).toBe(0);
  }, 240_000);
});
