import { UnrecoverableError, type Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, type JobContext, type RunnableJob } from './queue';
import { createLogger } from './logger';

type Ctx = { tenant: string };
const context: JobContext<Ctx> = { tenant: 't1', logger: createLogger('silent', 'test'), job: { id: 'j1' } as Job };

describe('defineJob', () => {
  const seen: unknown[] = [];
  const job = defineJob<Ctx, z.ZodObject<{ n: z.ZodNumber }>>({
    queue: 'count',
    payload: z.object({ n: z.number().int() }).strict(),
    handle: async ({ n }, ctx) => {
      seen.push([n, ctx.tenant]);
      return n * 2;
    },
  });

  it('runs the handler with the parsed payload and the context, as a runnable job of any payload', async () => {
    const runnable: RunnableJob<Ctx> = job;
    await expect(runnable.run({ n: 21 }, context)).resolves.toBe(42);
    expect(seen).toEqual([[21, 't1']]);
  });

  it('refuses a bad payload as unrecoverable, without calling the handler', async () => {
    seen.length = 0;
    await expect(job.run({ n: 'many' }, context)).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(job.run({ n: 1, extra: true }, context)).rejects.toThrow(/invalid payload/);
    expect(seen).toEqual([]);
  });
});
