import fs from 'node:fs';
import http from 'node:http';
import type { Worker } from 'bullmq';
import type { AppContext } from './app-context';
import { createApp } from './app';
import { AuthService, ensureFirstAdmin, initialAdminPasswordFile } from './auth/auth.service';
import { seedDefaultThemes } from './themes/theme.service';
import { ConfigError, loadConfig, type Config } from './config';
import { JOB_DEFINITIONS } from './jobs';
import { connectDatabase, disconnectDatabase } from './lib/db';
import { startServices } from './lib/embedded/services';
import { createLogger } from './lib/logger';
import { createMailer } from './lib/mailer';
import type { EntryBoot } from './lib/entry';
import { JobQueues, startSchedules, startWorkers } from './lib/queue';
import { createRedis } from './lib/redis';
import { resolveSessionSecret } from './lib/secret';
import { CASE_CONSUMERS } from './case-hooks';
import { installCaseConsumers } from './cases/case-events';
import { RESPONSE_CONSUMERS } from './response-hooks';
import { installResponseConsumers } from './responses/response-events';
import { tagLegacyTokens } from './distributions/token-tags.migration';
import { migrateFollowUpsToCases } from './follow-up/follow-up-cases.migration';
import { renameLegacyAlertMetrics } from './scores/alert-keys.migration';
import { seedFirstStandardVersions } from './standards/standard-versions.migration';
import { renameLegacyTargetKeys } from './touchpoints/target-keys.migration';

export interface Platform {
  context: AppContext;
  /** Base URL of the API, when this process serves it. */
  url?: string;
  stop(): Promise<void>;
}

/** What `main.ts` and `worker.ts` hand to `runEntry`: this app's config and platform, in the roles the config asks for. */
export function platformEntry(
  rolesFor: (config: Config) => { api: boolean; workers: boolean },
  check?: (config: Config) => string | undefined,
): EntryBoot<Config> {
  return { loadConfig, isConfigError: (error) => error instanceof ConfigError, check, start: (config) => startPlatform(config, rolesFor(config)) };
}

/** Boots one process: the services it needs, then the HTTP API, the job workers, or both. */
export async function startPlatform(config: Config, roles: { api: boolean; workers: boolean }): Promise<Platform> {
  installResponseConsumers(RESPONSE_CONSUMERS);
  installCaseConsumers(CASE_CONSUMERS);
  const logger = createLogger(config.LOG_LEVEL, roles.api ? 'touchpoint' : 'touchpoint-worker');
  const services = await startServices(config, logger);
  const cleanups: (() => Promise<unknown>)[] = [services.stop];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((err: unknown) => logger.error({ err }, 'shutdown step failed'));
    }
  };
  try {
    await connectDatabase(services.mongoUri);
    cleanups.push(disconnectDatabase);
    // Documents stored before the metric keys had one spelling are renamed before any route or job reads them.
    const renamed = { touchpoints: await renameLegacyTargetKeys(), alerts: await renameLegacyAlertMetrics() };
    if (renamed.touchpoints + renamed.alerts > 0) logger.info(renamed, 'renamed former metric keys in stored documents');
    // After the renaming: version 1 copies the targets as they are now spelled.
    const standards = await seedFirstStandardVersions();
    if (standards > 0) logger.info({ standards }, 'touchpoint targets kept as version 1 of their standards');
    if (await seedDefaultThemes()) logger.info('seeded the default comment themes');
    const taggedTokens = await tagLegacyTokens();
    if (taggedTokens > 0) logger.info({ taggedTokens }, "personal-link tokens tagged with their distribution's touchpoint and channel");
    const redis = createRedis(services.redisUrl);
    cleanups.push(() => redis.quit());
    const queues = new JobQueues(redis, config.QUEUE_PREFIX);
    cleanups.push(() => queues.close());
    const mailer = createMailer(services.smtpUrl, config.MAIL_FROM, config.NODE_ENV === 'production');
    cleanups.push(async () => mailer.close());
    const passwordFile = initialAdminPasswordFile(config.dataDir);
    const auth = new AuthService(await resolveSessionSecret(config.SESSION_SECRET, config.dataDir), config.SESSION_TTL_MINUTES, {
      apiTokenMaxDays: config.API_TOKEN_MAX_DAYS,
      initialPasswordFile: passwordFile,
    });
    const fallbackUrl = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${config.PORT}`;
    const context: AppContext = { config, logger, redis, queues, mailer, auth, services, publicUrl: config.PUBLIC_URL ?? fallbackUrl };
    // Follow-up flags from before cases become cases before any route or job works them (it needs the queues for their clocks).
    const migratedFollowUps = await migrateFollowUpsToCases(context);
    if (migratedFollowUps.open + migratedFollowUps.closed + migratedFollowUps.skipped > 0) logger.info(migratedFollowUps, 'follow-up flags turned into cases');

    const admin = await ensureFirstAdmin(auth, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD, dataDir: config.dataDir });
    // Only the file path: start logs get copied into tickets and CI output, the password must not. The
    // file is gone once the admin has changed that password, and then nothing is printed.
    if (admin.passwordFile || (!admin.created && fs.existsSync(passwordFile))) {
      console.warn(`admin login: ${admin.email} (first password in ${passwordFile}; it must be changed at first sign-in)`);
    } else if (admin.created) {
      console.warn(`admin login: ${admin.email} with the password from ADMIN_PASSWORD`);
    }

    let workers: Worker[] = [];
    if (roles.workers) {
      const workerRedis = createRedis(services.redisUrl, 'worker');
      workers = startWorkers(JOB_DEFINITIONS, {
        connection: workerRedis,
        prefix: config.QUEUE_PREFIX,
        context,
        lockDurationMs: config.JOB_LOCK_MS,
        stalledCheckMs: config.JOB_STALLED_CHECK_MS,
      });
      // Registered after the queue producers, so on shutdown workers finish their jobs before Redis closes.
      cleanups.push(async () => {
        await Promise.all(workers.map((worker) => worker.close()));
        await workerRedis.quit();
      });
      await startSchedules(JOB_DEFINITIONS, context);
    }

    let url: string | undefined;
    if (roles.api) {
      const server = http.createServer(createApp(context));
      server.keepAliveTimeout = 65_000;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => resolve());
      });
      const address = server.address();
      const port = address && typeof address === 'object' ? address.port : config.PORT;
      url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
      if (config.PUBLIC_URL === undefined) context.publicUrl = url;
      cleanups.push(
        () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections();
          }),
      );
    }
    return { context, ...(url ? { url } : {}), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
