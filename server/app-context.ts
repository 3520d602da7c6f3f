import type { Redis } from 'ioredis';
import type { Config } from './config';
import type { Logger } from './lib/logger';
import type { Mailer } from './lib/mailer';
import type { JobQueues } from './lib/queue';
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
