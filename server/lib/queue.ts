import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Logger } from './logger';

/** What a job handler may use; handlers are thin and call services. */
export interface JobContext {
  logger: Logger;
  job: Job;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Queue name; one queue per kind of job. */
  queue: string;
  payload: S;
  handle: (payload: z.infer<S>, context: JobContext) => Promise<unknown>;
  concurrency?: number;
  limiter?: WorkerOptions['limiter'];
  defaults?: JobsOptions;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** Retry, backoff and retention set once for every queue. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

export interface EnqueueOptions {
  /** Stable id: enqueueing the same id twice keeps one job. BullMQ forbids ':' in custom ids. */
  jobId?: string;
  delay?: number;
  priority?: number;
}

/** Producer side: typed enqueue over one BullMQ queue per job definition. */
export class JobQueues {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {}

  queue(definition: JobDefinition): Queue {
    let queue = this.queues.get(definition.queue);
    if (!queue) {
      queue = new Queue(definition.queue, {
        connection: this.connection,
        prefix: this.prefix,
        defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...definition.defaults },
      });
      this.queues.set(definition.queue, queue);
    }
    return queue;
  }

  async enqueue<S extends z.ZodType>(definition: JobDefinition<S>, payload: z.infer<S>, options: EnqueueOptions = {}): Promise<Job> {
    if (options.jobId?.includes(':')) throw new Error(`job id ${options.jobId} must not contain ':'`);
    const data = definition.payload.parse(payload);
    return this.queue(definition).add(definition.queue, data, { ...options });
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}

/** Consumer side: one BullMQ worker per definition. The payload is parsed again; a bad payload is not retried. */
export function startWorkers(
  definitions: readonly JobDefinition[],
  options: { connection: Redis; prefix: string; logger: Logger },
): Worker[] {
  return definitions.map((definition) => {
    const worker = new Worker(
      definition.queue,
      async (job) => {
        const parsed = definition.payload.safeParse(job.data);
        if (!parsed.success) throw new UnrecoverableError(`invalid payload: ${parsed.error.message}`);
        const logger = options.logger.child({ queue: definition.queue, jobId: job.id });
        return definition.handle(parsed.data, { logger, job });
      },
      {
        connection: options.connection,
        prefix: options.prefix,
        concurrency: definition.concurrency ?? 4,
        ...(definition.limiter ? { limiter: definition.limiter } : {}),
      },
    );
    worker.on('failed', (job, err) =>
      options.logger.warn({ queue: definition.queue, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'),
    );
    worker.on('error', (err) => options.logger.error({ queue: definition.queue, err }, 'worker error'));
    return worker;
  });
}
