import type { Redis } from 'ioredis';

export interface RateLimitRule {
  /** Name of the limit; part of the Redis key. */
  name: string;
  /** Hits (or failures) allowed per window. */
  limit: number;
  windowSeconds: number;
}

/** Fixed windows in Redis, so every API process counts against the same limit. */
function windowOf(prefix: string, rule: RateLimitRule, subject: string): { key: string; windowMs: number } {
  const windowMs = rule.windowSeconds * 1000;
  return { key: `${prefix}:rl:${rule.name}:${subject}:${Math.floor(Date.now() / windowMs)}`, windowMs };
}

/** Seconds until the window ends (at least 1), from the key's remaining time in milliseconds. */
function secondsLeft(ttlMs: unknown, windowMs: number): number {
  return Math.max(1, Math.ceil((typeof ttlMs === 'number' && ttlMs > 0 ? ttlMs : windowMs) / 1000));
}

/**
 * For each key: INCR, start its window on the first hit, and return { count, ms left } flattened.
 * One script call counts every limit of a request in one round trip.
 */
const HIT_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('PEXPIRE', key, ARGV[i]) end
  out[2 * i - 1] = count
  out[2 * i] = redis.call('PTTL', key)
end
return out`;

/** Takes counted hits back, for keys whose window is still open. */
const UNDO_SCRIPT = `
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then redis.call('DECR', key) end
end
return 0`;

export interface CountedHits {
  /** Seconds to wait when any limit is passed (the longest wait), else 0. */
  wait: number;
  /** Takes these hits back (a sign-in that succeeded is not a failure); same windows as counted. */
  undo(): Promise<void>;
}

/**
 * Counts a hit against each rule atomically, in one Redis round trip, before the caller does the work
 * it limits: parallel requests each see their own count, so no burst slips past the limit.
 */
export async function countHits(redis: Redis, prefix: string, hits: readonly { rule: RateLimitRule; subject: string }[]): Promise<CountedHits> {
  if (hits.length === 0) return { wait: 0, undo: async () => undefined };
  const windows = hits.map(({ rule, subject }) => windowOf(prefix, rule, subject));
  const keys = windows.map((w) => w.key);
  const reply = (await redis.eval(HIT_SCRIPT, keys.length, ...keys, ...windows.map((w) => String(w.windowMs)))) as number[];
  let wait = 0;
  hits.forEach(({ rule }, i) => {
    const count = reply[2 * i] ?? 0;
    if (count > rule.limit) wait = Math.max(wait, secondsLeft(reply[2 * i + 1], (windows[i] as { windowMs: number }).windowMs));
  });
  return { wait, undo: async () => void (await redis.eval(UNDO_SCRIPT, keys.length, ...keys)) };
}

/** countHits for limits that count every hit; returns the seconds to wait, or 0. */
export async function hitRateLimits(redis: Redis, prefix: string, hits: readonly { rule: RateLimitRule; subject: string }[]): Promise<number> {
  return (await countHits(redis, prefix, hits)).wait;
}
