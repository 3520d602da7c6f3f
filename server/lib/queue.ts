import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Logger } from './logger';

/**
 * What a job handler may use: the process's shared context `C` (the app's, handed in by whoever starts
 * the workers), its job, and a logger naming both. Handlers are thin and call services.
 */
export type JobContext<C> = C & { logger: Logger; job: Job };

/** A job that runs on its own on a schedule (a BullMQ job scheduler, kept in Redis, so it survives restarts). */
export type JobSchedule = { every: number } | { pattern: string; tz?: string };

/** Where jobs of one kind are queued: enough to enqueue them. */
export interface JobQueueSpec<S extends z.ZodType = z.ZodType> {
  /** Queue name; one queue per kind of job. */
  queue: string;
  payload: S;
  defaults?: JobsOptions;
}

/** How workers run one kind of job, whatever its payload: every typed definition is one, without a cast. */
export interface RunnableJob<C> extends JobQueueSpec {
  /** A number, or read from the process's context (config) when workers start. */
  concurrency?: number | ((context: C) => number);
  /** BullMQ's rate limiter for this queue (shared by every worker on it); may be read from config. */
  limiter?: WorkerOptions['limiter'] | ((context: C) => WorkerOptions['limiter']);
  /** Runs with this payload on this schedule once workers start; `(config) => undefined` leaves it off. */
  schedule?: (context: C) => { repeat: JobSchedule; payload: unknown } | undefined;
  /** Parses the job's data with `payload` (a bad payload is not retried), then handles it. */
  run: (data: unknown, context: JobContext<C>) => Promise<unknown>;
}

/** A job as a feature writes it: payload schema `S`, handler typed by it. */
export interface JobDefinition<S extends z.ZodType, C> extends JobQueueSpec<S> {
  handle: (payload: z.infer<S>, context: JobContext<C>) => Promise<unknown>;
  concurrency?: RunnableJob<C>['concurrency'];
  limiter?: RunnableJob<C>['limiter'];
  schedule?: (context: C) => { repeat: JobSchedule; payload: z.infer<S> } | undefined;
}

/** A typed job definition that workers can also run as a `RunnableJob` (its `run` parses, then calls `handle`). */
export type DefinedJob<S extends z.ZodType, C> = JobDefinition<S, C> & RunnableJob<C>;

export function defineJob<C, S extends z.ZodType>(definition: JobDefinition<S, C>): DefinedJob<S, C> {
  return {
    ...definition,
    run: async (data, context) => {
      const parsed = definition.payload.safeParse(data);
      if (!parsed.success) throw new UnrecoverableError(`invalid payload: ${parsed.error.message}`);
      return definition.handle(parsed.data, context);
    },
  };
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
  /** Overrides the queue's attempts and backoff when they come from config (webhook retries). */
  attempts?: number;
  backoff?: JobsOptions['backoff'];
}

/** Producer side: typed enqueue over one BullMQ queue per job definition. */
export class JobQueues {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {}

  queue(definition: JobQueueSpec): Queue {
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

  async enqueue<S extends z.ZodType>(definition: JobQueueSpec<S>, payload: z.infer<S>, options: EnqueueOptions = {}): Promise<Job> {
    if (options.jobId?.includes(':')) throw new Error(`job id ${options.jobId} must not contain ':'`);
    const data = definition.payload.parse(payload);
    return this.queue(definition).add(definition.queue, data, { ...options });
  }

  /** Creates or updates the job scheduler `id` (idempotent: every worker start may call it). */
  async schedule<S extends z.ZodType>(definition: JobQueueSpec<S>, id: string, repeat: JobSchedule, payload: z.infer<S>): Promise<void> {
    if (id.includes(':')) throw new Error(`scheduler id ${id} must not contain ':'`);
    await this.queue(definition).upsertJobScheduler(id, repeat, { name: definition.queue, data: definition.payload.parse(payload) });
  }

  async unschedule(definition: JobQueueSpec, id: string): Promise<void> {
    await this.queue(definition).removeJobScheduler(id);
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}

/** Consumer side: one BullMQ worker per definition. The payload is parsed again; a bad payload is not retried. */
export function startWorkers<C extends { logger: Logger }>(
  definitions: readonly RunnableJob<C>[],
  options: {
    connection: Redis;
    prefix: string;
    context: C;
    /** BullMQ's lock duration and stalled-job check (JOB_LOCK_MS, JOB_STALLED_CHECK_MS). */
    lockDurationMs: number;
    stalledCheckMs: number;
  },
): Worker[] {
  const { context } = options;
  return definitions.map((definition) => {
    const concurrency = typeof definition.concurrency === 'function' ? definition.concurrency(context) : definition.concurrency;
    const limiter = typeof definition.limiter === 'function' ? definition.limiter(context) : definition.limiter;
    const worker = new Worker(
      definition.queue,
      async (job) => {
        const logger = context.logger.child({ queue: definition.queue, jobId: job.id });
        return definition.run(job.data, { ...context, logger, job });
      },
      {
        connection: options.connection,
        prefix: options.prefix,
        concurrency: concurrency ?? 4,
        lockDuration: options.lockDurationMs,
        stalledInterval: options.stalledCheckMs,
        ...(limiter ? { limiter } : {}),
      },
    );
    worker.on('failed', (job, err) =>
      context.logger.warn({ queue: definition.queue, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'),
    );
    worker.on('error', (err) => context.logger.error({ queue: definition.queue, err }, 'worker error'));
    return worker;
  });
}

/** Creates the job schedulers the definitions ask for (idempotent, so every worker start does it). */
export async function startSchedules<C extends { queues: JobQueues }>(definitions: readonly RunnableJob<C>[], context: C): Promise<void> {
  for (const definition of definitions) {
    const wanted = definition.schedule?.(context);
    if (wanted) await context.queues.schedule(definition, `${definition.queue}-schedule`, wanted.repeat, wanted.payload);
  }
}

/**
 * Frees a custom job id for a sweep to enqueue again: true when no job holds it, or its job is over
 * (failed, completed) and was removed now; false while a job with it waits or runs (leave that alone).
 */
export async function releaseFinishedJobId(queue: Queue, jobId: string): Promise<boolean> {
  const job = await queue.getJob(jobId);
  if (!job) return true;
  const state = await job.getState();
  if (state !== 'failed' && state !== 'completed' && state !== 'unknown') return false;
  await job.remove();
  return true;
}
