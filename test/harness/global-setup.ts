import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedRedis } from '../../server/lib/embedded/redis-server';
import { startEmbeddedStore } from '../../server/lib/embedded/store-process';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    /** mongodb://host:port without a database; each test file picks a fresh database name. */
    mongoBaseUri: string;
  }
}

/** One real redis-server and one store (or the MONGODB_URI given) for the whole run. */
export default async function setup(project: TestProject) {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-test-'));
  const redis = await startEmbeddedRedis();
  const external = process.env.MONGODB_URI;
  const store = external ? undefined : await startEmbeddedStore(path.join(scratch, 'db'));
  const base = external ?? store!.uri;
  const url = new URL(base);
  url.pathname = '';
  project.provide('redisUrl', redis.url);
  project.provide('mongoBaseUri', url.toString().replace(/\/$/, ''));
  return async () => {
    await store?.stop();
    await redis.stop();
    await fs.rm(scratch, { recursive: true, force: true });
  };
}
