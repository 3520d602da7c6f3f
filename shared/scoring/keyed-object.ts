import { z } from 'zod';

/** A zod object with the same schema under each of `keys` (e.g. one counter per CSAT level). */
export function keyedObject<K extends string, T extends z.ZodType>(keys: readonly K[], schema: T) {
  return z.object(Object.fromEntries(keys.map((key) => [key, schema])) as Record<K, T>);
}
