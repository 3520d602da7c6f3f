import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { MongoClient, MongoServerError } from 'mongodb';
import type { Db } from 'mongodb';

const CLI = path.resolve(import.meta.dirname, '../cli.ts');

/** A store started through the CLI, exactly as `npm run mongo:embedded` starts it. */
export interface SpawnedStore {
  uri: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM and wait; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait: no chance to flush anything. */
  kill9(): Promise<void>;
}

export async function spawnStore(dbpath: string): Promise<SpawnedStore> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--dbpath', dbpath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`store did not start in time; stderr:\n${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      const match = /^ready (mongodb:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
      else reject(new Error(`unexpected first line: ${line}`));
    });
    void exited.then((code) => reject(new Error(`store exited with ${String(code)} before ready; stderr:\n${stderr}`)));
  });
  return {
    uri,
    child,
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface StoreUnderTest {
  /** Base URI without a database name. */
  uri: string;
  /** A database name nobody else uses. */
  dbName: string;
  /** True when the suite runs against the embedded store rather than MONGODB_URI. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * The store the conformance suite talks to: MONGODB_URI when set (real MongoDB, for comparison),
 * otherwise an embedded store spawned through the CLI into a temporary dbpath.
 */
export async function storeUnderTest(): Promise<StoreUnderTest> {
  const dbName = `conformance_${randomBytes(6).toString('hex')}`;
  const external = process.env.MONGODB_URI;
  if (external) return { uri: external, dbName, embedded: false, close: async () => {} };
  const dbpath = await mkdtemp(path.join(tmpdir(), 'touchpoint-store-'));
  const store = await spawnStore(dbpath);
  return {
    uri: store.uri,
    dbName,
    embedded: true,
    close: async () => {
      await store.stop();
      await rm(dbpath, { recursive: true, force: true });
    },
  };
}

export async function tempDbpath(): Promise<{ dbpath: string; remove(): Promise<void> }> {
  const dbpath = await mkdtemp(path.join(tmpdir(), 'touchpoint-store-'));
  return { dbpath, remove: () => rm(dbpath, { recursive: true, force: true }) };
}

/** The server error a promise rejects with (fails the test when it resolves or fails otherwise). */
export async function serverError(promise: Promise<unknown>): Promise<MongoServerError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MongoServerError) return error;
    throw error;
  }
  throw new Error('expected the operation to fail');
}

export interface ConformanceSession {
  target: StoreUnderTest;
  client: MongoClient;
  /** A database of its own on the store under test. */
  db: Db;
  /** Drops the database, disconnects and stops the store. */
  close(): Promise<void>;
}

/** Starts (or reaches) the store under test and connects a driver client to a fresh database. */
export async function openConformanceSession(): Promise<ConformanceSession> {
  const target = await storeUnderTest();
  const client = new MongoClient(target.uri, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  const db = client.db(target.dbName);
  return {
    target,
    client,
    db,
    close: async () => {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
      await target.close();
    },
  };
}
