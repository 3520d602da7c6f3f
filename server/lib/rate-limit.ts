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

/** Counts a hit in a fixed window; returns the seconds to wait when the limit is passed, else 0. */
export async function hitRateLimit(redis: Redis, prefix: string, rule: RateLimitRule, subject: string): Promise<number> {
  const { key, windowMs } = windowOf(prefix, rule, subject);
  const [[, count] = [], [, ttl] = []] = (await redis.multi().incr(key).pexpire(key, windowMs, 'NX').pttl(key).exec()) as [
    Error | null,
    unknown,
  ][];
  return typeof count === 'number' && count > rule.limit ? secondsLeft(ttl, windowMs) : 0;
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
