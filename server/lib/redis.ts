import { Redis } from 'ioredis';

/** A Redis connection as BullMQ wants it: commands wait for a reconnect instead of failing. */
export function createRedis(url: string, purpose: 'commands' | 'worker' = 'commands'): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: purpose === 'worker' ? null : 3,
    enableReadyCheck: true,
    lazyConnect: false,
  });
}

export async function pingRedis(redis: Redis): Promise<void> {
  const reply = await redis.ping();
  if (reply !== 'PONG') throw new Error(`unexpected PING reply ${reply}`);
}
