import type { Redis } from 'ioredis';
import type { RequestHandler, Request } from 'express';
import { TooManyRequests } from './errors';

export interface RateLimitRule {
  /** Name of the limit; part of the Redis key. */
  name: string;
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
  /** What is counted: the client address by default. */
  key?: (req: Request) => string | undefined;
}

/** Counts a hit in a fixed window; returns the seconds to wait when the limit is passed, else 0. */
export async function hitRateLimit(redis: Redis, prefix: string, rule: RateLimitRule, key: string): Promise<number> {
  const windowMs = rule.windowSeconds * 1000;
  const window = Math.floor(Date.now() / windowMs);
  const redisKey = `${prefix}:rl:${rule.name}:${key}:${window}`;
  const [[, count] = [], [, ttl] = []] = (await redis
    .multi()
    .incr(redisKey)
    .pexpire(redisKey, windowMs, 'NX')
    .pttl(redisKey)
    .exec()) as [Error | null, number][];
  if (typeof count === 'number' && count > rule.limit) {
    return Math.max(1, Math.ceil((typeof ttl === 'number' && ttl > 0 ? ttl : windowMs) / 1000));
  }
  return 0;
}

/** Express middleware: 429 with Retry-After once a client passes the rule's limit. Shared by all API processes through Redis. */
export function rateLimit(redis: Redis, prefix: string, rule: RateLimitRule): RequestHandler {
  return async (req, _res, next) => {
    const key = rule.key ? rule.key(req) : req.ip;
    if (!key) return next();
    const retryAfter = await hitRateLimit(redis, prefix, rule, key);
    if (retryAfter > 0) throw new TooManyRequests(retryAfter);
    next();
  };
}

/**
 * Counts only failures (wrong passwords), so a user who signs in often is never locked out, while
 * guessing is: check `retryAfter` before the attempt and `recordFailure` after a failed one.
 */
export class FailureLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly rule: Omit<RateLimitRule, 'key'>,
  ) {}

  private key(subject: string): { key: string; windowMs: number } {
    const windowMs = this.rule.windowSeconds * 1000;
    return { key: `${this.prefix}:rl:${this.rule.name}:${subject}:${Math.floor(Date.now() / windowMs)}`, windowMs };
  }

  /** Seconds to wait before another attempt is allowed, or 0. */
  async retryAfter(subject: string): Promise<number> {
    const { key, windowMs } = this.key(subject);
    const [[, count] = [], [, ttl] = []] = (await this.redis.multi().get(key).pttl(key).exec()) as [Error | null, unknown][];
    if (Number(count ?? 0) < this.rule.limit) return 0;
    return Math.max(1, Math.ceil((typeof ttl === 'number' && ttl > 0 ? ttl : windowMs) / 1000));
  }

  async recordFailure(subject: string): Promise<void> {
    const { key, windowMs } = this.key(subject);
    await this.redis.multi().incr(key).pexpire(key, windowMs, 'NX').exec();
  }
}
