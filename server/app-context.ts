import type { Redis } from 'ioredis';
import type { Config } from './config';
import type { Logger } from './lib/logger';
import type { Mailer } from './lib/mailer';
import type { z } from 'zod';
import { defineJob as defineJobOf, type DefinedJob, type JobContext as JobContextOf, type JobDefinition, type JobQueues } from './lib/queue';
import type { ServiceUrls } from './lib/embedded/services';
import type { AuthService } from './auth/auth.service';

/** What routes and jobs share in one process: built once at boot, passed down explicitly. */
export interface AppContext {
  config: Config;
  logger: Logger;
  redis: Redis;
  queues: JobQueues;
  mailer: Mailer;
  auth: AuthService;
  services: ServiceUrls;
  /** Base URL customers and staff reach the app at (links in emails): PUBLIC_URL, else where this process listens. */
  publicUrl: string;
}

/** What a job handler of this app gets: the AppContext, its job, and a logger naming both. */
export type JobContext = JobContextOf<AppContext>;

/** A job of this app (feature `*.job.ts` files define theirs with it; `jobs.ts` lists them). */
export function defineJob<S extends z.ZodType>(definition: JobDefinition<S, AppContext>): DefinedJob<S, AppContext> {
  return defineJobOf(definition);
}
