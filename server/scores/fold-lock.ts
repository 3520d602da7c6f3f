import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const LEASE_MS = 30_000;

/** Another fold or a rebuild holds the rollups; the job is retried (BullMQ backoff) or the sweep comes back. */
export class RollupsBusy extends Error {}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * Runs `work` holding the rollup lock (a Redis key with a lease renewed while it runs), so a rebuild
 * never interleaves with folds and two folds never race. Throws RollupsBusy when someone else holds it.
 */
export async function withFoldLock<T>(redis: Redis, prefix: string, work: () => Promise<T>): Promise<T> {
  const key = `${prefix}:scores:rollup-lock`;
  const token = randomUUID();
  const taken = await redis.set(key, token, 'PX', LEASE_MS, 'NX');
  if (taken !== 'OK') throw new RollupsBusy('the rollups are being folded or rebuilt by another process');
  const renew = setInterval(() => void redis.eval(RENEW, 1, key, token, String(LEASE_MS)).catch(() => undefined), LEASE_MS / 3);
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}
