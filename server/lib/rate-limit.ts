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

/**
 * Counts a hit against each rule in one Redis round trip; returns the seconds to wait when any limit
 * is passed (the longest wait), else 0.
 */
export async function hitRateLimits(redis: Redis, prefix: string, hits: readonly { rule: RateLimitRule; subject: string }[]): Promise<number> {
  if (hits.length === 0) return 0;
  const windows = hits.map(({ rule, subject }) => windowOf(prefix, rule, subject));
  const reply = (await redis.eval(HIT_SCRIPT, windows.length, ...windows.map((w) => w.key), ...windows.map((w) => String(w.windowMs)))) as number[];
  let wait = 0;
  hits.forEach(({ rule }, i) => {
    const count = reply[2 * i] ?? 0;
    if (count > rule.limit) wait = Math.max(wait, secondsLeft(reply[2 * i + 1], (windows[i] as { windowMs: number }).windowMs));
  });
  return wait;
}

/**
 * Counts only failures (wrong passwords), so a user who signs in often is never locked out, while
 * guessing is: check `retryAfter` before the attempt and `recordFailure` after a failed one.
 */
export class FailureLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly rule: RateLimitRule,
  ) {}

  /** Seconds to wait before another attempt is allowed, or 0. */
  async retryAfter(subject: string): Promise<number> {
    const { key, windowMs } = windowOf(this.prefix, this.rule, subject);
    const [[, count] = [], [, ttl] = []] = (await this.redis.multi().get(key).pttl(key).exec()) as [Error | null, unknown][];
    return Number(count ?? 0) < this.rule.limit ? 0 : secondsLeft(ttl, windowMs);
  }

  async recordFailure(subject: string): Promise<void> {
    const { key, windowMs } = windowOf(this.prefix, this.rule, subject);
    await this.redis.multi().incr(key).pexpire(key, windowMs, 'NX').exec();
  }
}
