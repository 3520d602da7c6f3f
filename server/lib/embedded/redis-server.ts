import fs from 'node:fs/promises';
import path from 'node:path';
import { spawnUntilReady } from './child-process';
import { findFreePort } from './free-port';

export interface EmbeddedRedis {
  url: string;
  stop(): Promise<void>;
}

/** A redis-server left running by a process that was killed would share our append-only file. */
async function stopOrphan(pidFile: string): Promise<void> {
  const pid = Number(await fs.readFile(pidFile, 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts Debian's redis-server on a free loopback port. With `dir`, jobs are kept in an append-only
 * file there so they survive a restart; without it, nothing is written to disk (tests).
 */
export async function startEmbeddedRedis(options: { dir?: string; binary?: string } = {}): Promise<EmbeddedRedis> {
  const args = ['--bind', '127.0.0.1', '--protected-mode', 'yes', '--daemonize', 'no', '--save', '', '--maxmemory-policy', 'noeviction'];
  if (options.dir) {
    await fs.mkdir(options.dir, { recursive: true });
    const pidFile = path.join(options.dir, 'redis.pid');
    await stopOrphan(pidFile);
    args.push('--dir', options.dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--pidfile', pidFile);
  } else {
    args.push('--appendonly', 'no');
  }
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await findFreePort();
    try {
      const { running } = await spawnUntilReady(options.binary ?? 'redis-server', ['--port', String(port), ...args], {
        ready: /Ready to accept connections/,
        timeoutMs: 30_000,
        missingHint: 'Install it with: apt-get install redis-server (or set REDIS_URL to a Redis you run).',
        // Own process group, as for the store: stopped by the platform after the workers close.
        spawn: { detached: true },
      });
      return { url: `redis://127.0.0.1:${port}`, stop: () => running.stop(15_000) };
    } catch (error) {
      lastError = error;
      if (!(error instanceof Error) || !/Address already in use/.test(error.message)) throw error;
    }
  }
  throw lastError;
}
