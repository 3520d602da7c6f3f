import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { startPlatform, type Platform } from '../../server/platform';

// Issue 13, low: files under DATA_DIR were 0644 and directories 0755 (the journal holds password
// hashes and contacts, the outbox live links). The platform runs here on embedded defaults alone,
// started under a permissive umask, so nothing but explicit modes can make the tree private.

let scratch: string;
let dataDir: string;
let platform: Platform | undefined;
let umask: number;

/** Every entry below `dir` with its permission bits, as `relative path -> mode` in octal. */
async function modesUnder(dir: string): Promise<Record<string, string>> {
  const modes: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const stat = await fs.lstat(full).catch(() => undefined);
    if (stat) modes[`${path.relative(dir, full)}${stat.isDirectory() ? '/' : ''}`] = (stat.mode & 0o777).toString(8);
  }
  return modes;
}

/** The entries whose mode is not owner-only (0700 for directories, 0600 for files). */
function notPrivate(modes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(modes).filter(([name, mode]) => mode !== (name.endsWith('/') ? '700' : '600')));
}

beforeAll(async () => {
  umask = process.umask(0o022);
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-modes-'));
  dataDir = path.join(scratch, 'data');
  // No MONGODB_URI, REDIS_URL, SMTP_URL, SESSION_SECRET or ADMIN_PASSWORD: everything lives in DATA_DIR.
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  platform = await startPlatform(config, { api: true, workers: true });
}, 180_000);

afterAll(async () => {
  await platform?.stop();
  process.umask(umask);
  if (scratch) await fs.rm(scratch, { recursive: true, force: true });
});

describe('files the platform writes under DATA_DIR', () => {
  it('are 0600 and its directories 0700, while running and after a stop', async () => {
    await mongoose.connection.db!.collection('contacts_probe').insertOne({ email: 'private@example.test' });
    await platform!.context.mailer.sendMail({ to: 'private@example.test', subject: 'Your survey', text: 'https://example.test/s/x?t=secret' });

    const running = await modesUnder(dataDir);
    // The tree holds what the issue names: the store's files, the outbox, redis's files and the secrets.
    expect(Object.keys(running)).toEqual(
      expect.arrayContaining(['db/', 'outbox/', 'redis/', 'redis/redis.pid', 'session-secret', 'initial-admin-password']),
    );
    expect(Object.keys(running).some((name) => /^db\/.+/.test(name) && !name.endsWith('/'))).toBe(true);
    expect(Object.keys(running).some((name) => /^outbox\/.+\.eml$/.test(name))).toBe(true);
    expect(Object.keys(running).some((name) => /^redis\/appendonlydir\/.+/.test(name))).toBe(true);
    expect(notPrivate(running)).toEqual({});
    expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);

    // Stopping writes the store's snapshot and redis's final append.
    await platform!.stop();
    platform = undefined;
    expect(notPrivate(await modesUnder(dataDir))).toEqual({});
  });

  it('narrows directories an earlier version left open when it starts again', async () => {
    for (const dir of ['db', 'outbox', 'redis']) await fs.chmod(path.join(dataDir, dir), 0o755);
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    platform = await startPlatform(config, { api: true, workers: false });
    const modes = await modesUnder(dataDir);
    expect([modes['db/'], modes['outbox/'], modes['redis/']]).toEqual(['700', '700', '700']);
  });
});
