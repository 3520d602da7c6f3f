import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// The lease is what a worker killed mid-fold costs: nobody folds until it runs out (the fault bench
// measured ~34 s to fold again after such a kill with 30 s). Renewed every third of it while a fold or a
// rebuild runs, so only an event loop stalled for the whole lease could lose it.
export const FOLD_LEASE_MS = 6_000;
const RETRY_TAKE_MS = 100;

/** Another fold or a rebuild holds the rollups; the job is retried (BullMQ backoff) or the sweep comes back. */
export class RollupsBusy extends Error {}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * Runs `work` holding the rollup lock (a Redis key with a lease renewed while it runs), so a rebuild
 * never interleaves with folds and two folds never race. Waits up to `waitMs` for the lock (a holder
 * that died lets go when its lease ends), then throws RollupsBusy.
 */
export async function withFoldLock<T>(redis: Redis, prefix: string, work: () => Promise<T>, waitMs = 0): Promise<T> {
  const key = `${prefix}:scores:rollup-lock`;
  const token = randomUUID();
  const giveUpAt = Date.now() + waitMs;
  while ((await redis.set(key, token, 'PX', FOLD_LEASE_MS, 'NX')) !== 'OK') {
    if (Date.now() >= giveUpAt) throw new RollupsBusy('the rollups are being folded or rebuilt by another process');
    await new Promise((resolve) => setTimeout(resolve, RETRY_TAKE_MS));
  }
  const renew = setInterval(() => void redis.eval(RENEW, 1, key, token, String(FOLD_LEASE_MS)).catch(() => undefined), FOLD_LEASE_MS / 3);
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}
