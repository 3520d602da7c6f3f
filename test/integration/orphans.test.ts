import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive, waitUntilGone } from '../../server/lib/embedded/process-alive';
import { spawnEntry, type EntryProcess } from '../harness/spawn-entry';

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-orphans-'));
const started: EntryProcess[] = [];
afterAll(async () => {
  // A failed assertion must not leave a platform running.
  for (const entry of started) entry.child.kill('SIGKILL');
  await Promise.all(started.map((entry) => entry.exited));
  await fs.rm(scratch, { recursive: true, force: true });
});

const PROBE_QUEUE = 'orphan-probe';

/** The embedded redis-server of a platform on `dataDir`: its pid (from its pid file) and URL (from its process title, `redis-server 127.0.0.1:<port>`). */
async function embeddedRedis(dataDir: string): Promise<{ pid: number; url: string }> {
  const pid = Number((await fs.readFile(path.join(dataDir, 'redis', 'redis.pid'), 'utf8')).trim());
  const title = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8');
  const address = title.match(/127\.0\.0\.1:(\d+)/);
  if (!address) throw new Error(`no address in redis-server's process title: ${title}`);
  return { pid, url: `redis://127.0.0.1:${address[1]}` };
}

/** Every job id waiting or delayed, and every job scheduler, in every queue under the platform's prefix. */
async function queuedWork(url: string): Promise<string[]> {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  try {
    const keys = await redis.keys('tp:*');
    const items: string[] = [];
    for (const key of keys) {
      const [, queue, kind] = key.split(':');
      if (kind === 'wait' && key.split(':').length === 3) items.push(...(await redis.lrange(key, 0, -1)).map((id) => `${queue} wait ${id}`));
      if (kind === 'delayed' && key.split(':').length === 3) items.push(...(await redis.zrange(key, 0, -1)).map((id) => `${queue} delayed ${id}`));
      if (kind === 'repeat' && key.split(':').length === 3) items.push(...(await redis.zrange(key, 0, -1)).map((id) => `${queue} scheduler ${id}`));
    }
    return items.sort();
  } finally {
    redis.disconnect();
  }
}

describe('kill -9 of the platform', () => {
  it('leaves no child service running, and a restart on the same DATA_DIR finds every queued and scheduled job', async () => {
    const dataDir = path.join(scratch, 'data');
    const first = spawnEntry('server/main.ts', { DATA_DIR: dataDir, PORT: '0', ADMIN_PASSWORD: 'orphan-admin-password' });
    started.push(first);
    await first.waitForLine(/^listening (http:\/\/\S+)$/, 120_000);
    const redis = await embeddedRedis(dataDir);
    const storePid = Number((await fs.readFile(path.join(dataDir, 'db', 'store.lock'), 'utf8')).trim());
    expect(isAlive(redis.pid)).toBe(true);
    expect(isAlive(storePid)).toBe(true);

    // Work no worker of the platform takes: one job waiting, one due in an hour.
    const probe = new Queue(PROBE_QUEUE, { connection: { url: redis.url }, prefix: 'tp' });
    await probe.add('waiting', { n: 1 }, { jobId: 'probe-waiting' });
    await probe.add('later', { n: 2 }, { jobId: 'probe-delayed', delay: 3_600_000 });
    await probe.close();
    const before = await queuedWork(redis.url);
    expect(before).toEqual(expect.arrayContaining([`${PROBE_QUEUE} wait probe-waiting`, `${PROBE_QUEUE} delayed probe-delayed`]));
    // The platform's own recurring schedulers are part of what must survive.
    expect(before.some((item) => item.includes(' scheduler '))).toBe(true);

    first.child.kill('SIGKILL');
    await first.exited;
    expect(await waitUntilGone(redis.pid, 15_000)).toBe(true);
    expect(await waitUntilGone(storePid, 15_000)).toBe(true);

    const second = spawnEntry('server/main.ts', { DATA_DIR: dataDir, PORT: '0' });
    started.push(second);
    try {
      await second.waitForLine(/^listening (http:\/\/\S+)$/, 120_000);
      const again = await embeddedRedis(dataDir);
      expect(again.pid).not.toBe(redis.pid);
      const after = await queuedWork(again.url);
      // A scheduler's next occurrence (`repeat:` ids) and a fold request may have run by now; what was
      // queued by hand and every scheduler must be there.
      const lasting = before.filter((item) => !item.startsWith('scores-fold ') && !/ (wait|delayed) repeat:/.test(item));
      expect(after).toEqual(expect.arrayContaining(lasting));
    } finally {
      second.child.kill('SIGTERM');
    }
    expect((await second.exited).code).toBe(0);
  }, 300_000);
});
