import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../server/lib/embedded/process-alive';
import { startEmbeddedRedis } from '../../server/lib/embedded/redis-server';

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-redis-'));
afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

describe('embedded redis-server and a pid file left behind', () => {
  it('never stops an unrelated process that was given the dead redis-server\'s pid', async () => {
    const dir = path.join(scratch, 'reused');
    await fs.mkdir(dir, { recursive: true });
    const bystander = spawn('sleep', ['30'], { stdio: 'ignore' });
    await fs.writeFile(path.join(dir, 'redis.pid'), String(bystander.pid));
    const redis = await startEmbeddedRedis({ dir });
    try {
      expect(isAlive(bystander.pid!)).toBe(true);
    } finally {
      await redis.stop();
      bystander.kill('SIGKILL');
    }
  });

  it('stops a redis-server still running on the same directory before starting its own', async () => {
    const dir = path.join(scratch, 'orphan');
    await fs.mkdir(dir, { recursive: true });
    // Left by a platform that died without the kernel's parent-death signal (another machine setup).
    const orphan = spawn('redis-server', ['--port', '0', '--dir', dir, '--pidfile', path.join(dir, 'redis.pid'), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 100 && !(await fs.stat(path.join(dir, 'redis.pid')).catch(() => null)); i++) await new Promise((r) => setTimeout(r, 50));
    const redis = await startEmbeddedRedis({ dir });
    try {
      await new Promise((r) => setTimeout(r, 200));
      expect(isAlive(orphan.pid!)).toBe(false);
    } finally {
      await redis.stop();
      orphan.kill('SIGKILL');
    }
  });
});
