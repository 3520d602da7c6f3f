// The platform in its production shape for benches that need it: the store, redis-server, an API
// process and a worker process, each its own process that can be killed with SIGKILL and started
// again on the same address and data; a counting SMTP server in a child process. With MONGODB_URI /
// REDIS_URL set, those are used and not owned (never killed).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { CSRF_HEADER } from '../../../shared/auth/auth.schema';
import { spawnUntilReady, type RunningChild } from '../../../server/lib/embedded/child-process';
import { findFreePort } from '../../../server/lib/embedded/free-port';
import { waitUntilGone } from '../../../server/lib/embedded/process-alive';
import { startEmbeddedRedis } from '../../../server/lib/embedded/redis-server';
import { startEmbeddedStore } from '../../../server/lib/embedded/store-process';
import { benchLogin } from './login';
import { startSmtpSink, type SmtpSink } from './smtp-sink-client';

const ROOT = path.resolve(import.meta.dirname, '../../..');
// BENCH_PROFILE_DIR=<dir>: every Node.js process of the platform writes a CPU profile there on exit.
const PROFILE_ARGS = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
const ADMIN = { email: 'admin@bench.test', password: 'bench-platform-password-0123' };
export const QUEUE_PREFIX = 'tpbench';

export type PlatformProcess = 'api' | 'store' | 'redis' | 'worker';
export const PLATFORM_PROCESSES: readonly PlatformProcess[] = ['api', 'store', 'redis', 'worker'];

/** A process the bench can kill with SIGKILL and start again on the same address and data. */
export interface Killable {
  start(): Promise<void>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
  /** The running process's id. */
  pid(): number | undefined;
}

export interface ProcessPlatform {
  apiUrl: string;
  /** The processes this platform owns (a service given by URL is not among them). */
  processes: Map<PlatformProcess, Killable>;
  /** Why a process is not owned. */
  notOwned: string[];
  sink: SmtpSink;
  /** The bench's own connections: mongoose (default connection) and Redis. */
  redis: Redis;
  /** Signs in as the admin and POSTs JSON as staff do; returns the reply's JSON. */
  staff(pathname: string, body?: unknown): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident memory of a process in MiB (Linux /proc), or NaN when it is not running. */
export async function residentMiB(pid: number | undefined): Promise<number> {
  const status = pid ? await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '') : '';
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kib ? Number(kib) / 1024 : NaN;
}

async function waitForExit(pid: number | undefined, timeoutMs = 10_000): Promise<void> {
  if (pid && !(await waitUntilGone(pid, timeoutMs, 25))) throw new Error(`process ${pid} still running ${timeoutMs} ms after SIGKILL`);
}

function entryProcess(entry: string, ready: RegExp, env: Record<string, string>): Killable {
  let running: RunningChild | undefined;
  return {
    async start() {
      ({ running } = await spawnUntilReady(process.execPath, [...PROFILE_ARGS, '--import', 'tsx', path.join(ROOT, entry)], {
        ready,
        timeoutMs: 120_000,
        missingHint: 'Node.js could not be started again.',
        spawn: { cwd: ROOT, env },
        ...(process.env.BENCH_DEBUG ? { onLine: (line: string) => console.error(`[${entry}] ${line}`) } : {}),
      }));
    },
    async kill9() {
      running?.child.kill('SIGKILL');
      await waitForExit(running?.child.pid);
    },
    async stop() {
      await running?.stop(15_000);
    },
    pid: () => running?.child.pid,
  };
}

/** A killable around a service whose start resolves to something with a pid and a stop. */
function killableService<T extends { pid: number | undefined; stop(): Promise<void> }>(first: T, restart: () => Promise<T>): Killable {
  let current = first;
  return {
    async start() {
      current = await restart();
    },
    async kill9() {
      if (current.pid) process.kill(current.pid, 'SIGKILL');
      await waitForExit(current.pid);
    },
    stop: () => current.stop(),
    pid: () => current.pid,
  };
}

/** Starts everything; `env` adds to (or overrides) the API's and worker's environment. */
export async function startProcessPlatform(env: Record<string, string> = {}): Promise<ProcessPlatform> {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-bench-platform-'));
  const cleanups: (() => Promise<unknown>)[] = [async () => fs.rm(scratch, { recursive: true, force: true })];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const processes = new Map<PlatformProcess, Killable>();
    const notOwned: string[] = [];

    let mongoBase = process.env.MONGODB_URI;
    if (mongoBase) {
      notOwned.push('store: MONGODB_URI is set, a database the bench does not own is never killed');
      const url = new URL(mongoBase);
      url.pathname = '';
      mongoBase = url.toString().replace(/\/$/, '');
    } else {
      // A fixed port, so a restarted store keeps the address the API and worker know.
      const port = await findFreePort();
      const dbpath = path.join(scratch, 'db');
      const start = () => startEmbeddedStore(dbpath, { port, nodeArgs: PROFILE_ARGS });
      processes.set('store', killableService(await start(), start));
      mongoBase = `mongodb://127.0.0.1:${port}`;
    }
    cleanups.push(() => processes.get('store')?.stop() ?? Promise.resolve());

    let redisUrl = process.env.REDIS_URL;
    if (redisUrl) {
      notOwned.push('redis: REDIS_URL is set, a Redis the bench does not own is never killed');
    } else {
      const port = await findFreePort();
      const dir = path.join(scratch, 'redis');
      const redis = await startEmbeddedRedis({ dir, port });
      processes.set('redis', killableService(redis, () => startEmbeddedRedis({ dir, port })));
      redisUrl = redis.url;
    }
    cleanups.push(() => processes.get('redis')?.stop() ?? Promise.resolve());

    const sink = await startSmtpSink();
    cleanups.push(async () => sink.stop());
    const apiPort = await findFreePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const shared: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      DATA_DIR: path.join(scratch, 'data'),
      MONGODB_URI: `${mongoBase}/touchpoint_bench_${randomUUID().slice(0, 8)}`,
      REDIS_URL: redisUrl,
      SMTP_URL: sink.url,
      PUBLIC_URL: apiUrl,
      SESSION_SECRET: 'bench-platform-session-secret-0123456789abcdef',
      QUEUE_PREFIX,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'fatal',
      // One machine's clients all come from 127.0.0.1: the per-address limit is not what is measured.
      RESPOND_RATE_PER_IP: '1000000',
      RESPOND_RATE_PER_SURVEY: '100000000',
      ...env,
    };
    const api = entryProcess('server/main.ts', /^listening http/, { ...shared, WORKERS: 'false', PORT: String(apiPort), HOST: '127.0.0.1' });
    const worker = entryProcess('server/worker.ts', /^workers running$/, shared);
    processes.set('api', api);
    processes.set('worker', worker);
    cleanups.push(() => api.stop(), () => worker.stop());
    await api.start();
    await worker.start();

    await mongoose.connect(shared.MONGODB_URI!, { serverSelectionTimeoutMS: 60_000 });
    cleanups.push(() => mongoose.disconnect());
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    redis.on('error', () => undefined); // down while its server is killed; reconnects by itself
    cleanups.push(async () => redis.disconnect());

    const cookie = await benchLogin(apiUrl, ADMIN.email, ADMIN.password);
    const staff = async (pathname: string, body?: unknown) => {
      const reply = await fetch(apiUrl + pathname, {
        method: 'POST',
        headers: { cookie, [CSRF_HEADER]: '1', ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const json = (await reply.json()) as Record<string, unknown>;
      if (reply.status >= 300) throw new Error(`${pathname}: ${reply.status} ${JSON.stringify(json)}`);
      return json;
    };
    return { apiUrl, processes, notOwned, sink, redis, staff, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One customer's answers to the bench survey; self-contained, so its source also runs in a load thread. */
function responseBody(version: number, sig: string, n: number, submissionId: string) {
  return { version, submissionId, elapsedMs: 30_000, touchpoint: 'branch', channel: 'online', sig, answers: { satisfaction: 1 + (n % 5), recommend: n % 11 } };
}

export interface BenchSurvey {
  id: string;
  submitUrl: string;
  /** The JSON body of response n. */
  body(n: number, submissionId: string): string;
  /** The same as source for `runLoad` (`(i, uuid) => object`). */
  bodySource: string;
}

/** A published CSAT + NPS survey and the `branch` touchpoint. */
export async function publishBenchSurvey(platform: ProcessPlatform): Promise<BenchSurvey> {
  const definition = {
    pages: [{ name: 'visit', elements: [
      { type: 'rating', name: 'satisfaction', metric: 'csat', rateMin: 1, rateMax: 5, isRequired: true },
      { type: 'rating', name: 'recommend', metric: 'nps', rateMin: 0, rateMax: 10 },
    ] }],
  };
  const survey = await platform.staff('/api/surveys', { title: 'Bench survey', definition });
  const { version } = (await platform.staff(`/api/surveys/${String(survey.id)}/publish`)) as { version: number };
  await platform.staff('/api/touchpoints', { key: 'branch', name: 'Branch' });
  // Tagged answers come through a link staff made (QR code, kiosk, email): the page sends its signature.
  const { sig } = (await platform.staff(`/api/surveys/${String(survey.id)}/links`, { touchpoint: 'branch', channel: 'online' })) as { sig: string };
  return {
    id: String(survey.id),
    submitUrl: `${platform.apiUrl}/api/public/surveys/${String(survey.slug)}/responses`,
    body: (n, submissionId) => JSON.stringify(responseBody(version, sig, n, submissionId)),
    bodySource: `(i, uuid) => (${responseBody.toString()})(${version}, ${JSON.stringify(sig)}, i, uuid())`,
  };
}
