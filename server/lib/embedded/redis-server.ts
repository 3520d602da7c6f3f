import { accessSync, constants, existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MissingBinaryError, spawnUntilReady } from './child-process';
import { findFreePort } from './free-port';
import { makePrivateDir, PRIVATE_UMASK } from '../private-files';
import { waitUntilGone } from './process-alive';

export interface EmbeddedRedis {
  url: string;
  stop(): Promise<void>;
  /** The redis-server process, for tests and the fault bench that kill it hard. */
  pid: number | undefined;
}

/**
 * Whether `pid` is a redis-server working in `dir` (redis changes into its --dir). A pid file outlives
 * a redis-server killed hard, and the kernel hands its number to the next process: only a process
 * that is provably ours may be stopped. Linux only (/proc); elsewhere nothing is stopped.
 */
async function isRedisIn(pid: number, dir: string): Promise<boolean> {
  const [title, cwd, wanted] = await Promise.all([
    fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => ''),
    fs.realpath(`/proc/${pid}/cwd`).catch(() => ''),
    fs.realpath(dir).catch(() => dir),
  ]);
  return /(^|\/)redis-server[\s\0]/.test(title) && cwd === wanted;
}

/** A redis-server left running by a process that was killed would share our append-only file. */
async function stopOrphan(pidFile: string, dir: string): Promise<void> {
  const pid = Number(await fs.readFile(pidFile, 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0 || !(await isRedisIn(pid, dir))) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  await waitUntilGone(pid, 5_000);
}

// util-linux's setpriv (on every Debian system) asks the kernel to send redis-server SIGTERM when the
// platform process dies, however it dies: redis cannot watch a pipe as the store does, and a kill -9
// of the platform would otherwise leave it running on our append-only file. SIGTERM makes it write
// the file and exit cleanly.
const SETPRIV = '/usr/bin/setpriv';

const MISSING_REDIS_HINT = 'Install it with: apt-get install redis-server (or set REDIS_URL to a Redis you run).';

/** The first executable `name` on PATH, as a shell would find it; undefined when there is none. */
function findOnPath(name: string): string | undefined {
  if (name.includes('/')) return name;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * The command line that runs `binary` (found on PATH here, so a missing program is named as such
 * rather than by setpriv's "failed to execute" or the shell's "not found") so that it is stopped when
 * this process dies.
 */
function diesWithParent(binary: string, args: string[], missingHint: string): [string, string[]] {
  const resolved = findOnPath(binary);
  if (!resolved) throw new MissingBinaryError(binary, missingHint);
  if (!existsSync(SETPRIV)) return [resolved, args];
  return [SETPRIV, ['--pdeathsig', 'TERM', '--', resolved, ...args]];
}

/**
 * The command line that runs `command` under an owner-only umask: redis-server has no setting for the
 * modes of its append-only files and pid file, so a shell sets the umask and then becomes the command
 * (exec: same pid, so stopping and the orphan check see redis-server itself).
 */
function withPrivateUmask(command: string, args: string[]): [string, string[]] {
  return ['/bin/sh', ['-c', `umask ${PRIVATE_UMASK.toString(8).padStart(3, '0')} && exec "$0" "$@"`, command, ...args]];
}

/**
 * Starts Debian's redis-server on a free loopback port. With `dir`, jobs are kept in an append-only
 * file there so they survive a restart; without it, nothing is written to disk (tests).
 */
export async function startEmbeddedRedis(options: { dir?: string; binary?: string; port?: number } = {}): Promise<EmbeddedRedis> {
  const args = ['--bind', '127.0.0.1', '--protected-mode', 'yes', '--daemonize', 'no', '--save', '', '--maxmemory-policy', 'noeviction'];
  if (options.dir) {
    await makePrivateDir(options.dir);
    const pidFile = path.join(options.dir, 'redis.pid');
    await stopOrphan(pidFile, options.dir);
    args.push('--dir', options.dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--pidfile', pidFile);
  } else {
    args.push('--appendonly', 'no');
  }
  let lastError: unknown;
  // A port of our choosing may be taken by someone else; a given one is kept (a restart must reuse it).
  for (let attempt = 0; attempt < (options.port ? 1 : 5); attempt++) {
    const port = options.port ?? (await findFreePort());
    try {
      const [command, commandArgs] = diesWithParent(options.binary ?? 'redis-server', ['--port', String(port), ...args], MISSING_REDIS_HINT);
      const { running } = await spawnUntilReady(...withPrivateUmask(command, commandArgs), {
        ready: /Ready to accept connections/,
        timeoutMs: 30_000,
        missingHint: MISSING_REDIS_HINT,
        // Own process group, as for the store: stopped by the platform after the workers close.
        spawn: { detached: true },
      });
      return { url: `redis://127.0.0.1:${port}`, stop: () => running.stop(15_000), pid: running.child.pid };
    } catch (error) {
      lastError = error;
      if (!(error instanceof Error) || !/Address already in use/.test(error.message)) throw error;
    }
  }
  throw lastError;
}
