import { randomUUID } from 'node:crypto';
import { Binary } from 'bson';
import type { Redis } from 'ioredis';
import mongoose, { type ClientSession } from 'mongoose';

// The lease is what a worker killed mid-fold costs: nobody folds until it runs out (the fault bench
// measured ~34 s to fold again after such a kill with 30 s). Renewed every third of it while a fold or a
// rebuild runs, so only an event loop stalled for the whole lease could lose it.
export const FOLD_LEASE_MS = 6_000;
const RETRY_TAKE_MS = 100;

/** Another fold or a rebuild holds the rollups; the job is retried (BullMQ backoff) or the sweep comes back. */
export class RollupsBusy extends Error {}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

// Kept past the lease (a holder that dies cannot delete it), long enough to outlive the abandoned
// transaction it names: MongoDB aborts one by itself after 60 s.
const SESSION_RECORD_MS = 120_000;

/**
 * A holder that died mid-fold leaves its transaction open, and MongoDB keeps an abandoned
 * transaction's documents locked until its 60 s lifetime ends: every fold until then conflicts on the
 * same rollups. The holder records its session beside the lock; whoever takes the lock next and finds
 * one left behind ends it (`killSessions`, which aborts its transaction) before folding.
 */
async function endAbandonedSession(redis: Redis, sessionKey: string): Promise<void> {
  const left = await redis.get(sessionKey);
  if (!left) return;
  const db = mongoose.connection.db;
  if (db) await db.admin().command({ killSessions: [{ id: new Binary(Buffer.from(left, 'base64'), Binary.SUBTYPE_UUID) }] });
  await redis.del(sessionKey);
}

/**
 * Runs `work` holding the rollup lock (a Redis key with a lease renewed while it runs), so a rebuild
 * never interleaves with folds and two folds never race. Waits up to `waitMs` for the lock (a holder
 * that died lets go when its lease ends), then throws RollupsBusy. `session`, when the work writes in
 * a transaction of that session, is recorded so that a successor can end it if this process dies.
 */
export async function withFoldLock<T>(redis: Redis, prefix: string, work: () => Promise<T>, waitMs = 0, session?: ClientSession): Promise<T> {
  const key = `${prefix}:scores:rollup-lock`;
  const sessionKey = `${key}:session`;
  const token = randomUUID();
  const giveUpAt = Date.now() + waitMs;
  while ((await redis.set(key, token, 'PX', FOLD_LEASE_MS, 'NX')) !== 'OK') {
    if (Date.now() >= giveUpAt) throw new RollupsBusy('the rollups are being folded or rebuilt by another process');
    await new Promise((resolve) => setTimeout(resolve, RETRY_TAKE_MS));
  }
  const renew = setInterval(() => void redis.eval(RENEW, 1, key, token, String(FOLD_LEASE_MS)).catch(() => undefined), FOLD_LEASE_MS / 3);
  try {
    await endAbandonedSession(redis, sessionKey);
    const lsid = session?.id?.id;
    if (lsid instanceof Binary) await redis.set(sessionKey, Buffer.from(lsid.buffer).toString('base64'), 'PX', SESSION_RECORD_MS);
    try {
      return await work();
    } finally {
      // Whether the work committed or failed (its transaction then aborted), it left nothing open.
      if (lsid) await redis.del(sessionKey).catch(() => undefined);
    }
  } finally {
    clearInterval(renew);
    await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}
