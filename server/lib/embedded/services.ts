import path from 'node:path';
import type { Logger } from '../logger';
import { startEmbeddedRedis } from './redis-server';
import { startOutboxSmtp } from './smtp-capture';
import { startEmbeddedStore } from './store-process';

export interface ServiceUrls {
  mongoUri: string;
  redisUrl: string;
  smtpUrl: string;
  /** Which of the three are the embedded defaults rather than configured services. */
  embedded: { database: boolean; redis: boolean; mail: boolean };
}

export interface RunningServices extends ServiceUrls {
  stop(): Promise<void>;
}

const DATABASE_NAME = 'touchpoint';

/** The settings the services are chosen by (a part of the app's config): an unset URL starts the embedded one under `dataDir`. */
export interface ServicesConfig {
  MONGODB_URI?: string | undefined;
  REDIS_URL?: string | undefined;
  SMTP_URL?: string | undefined;
  dataDir: string;
}

/** Uses the configured MongoDB, Redis and SMTP, and starts an embedded one for each that is not set. */
export async function startServices(config: ServicesConfig, logger: Logger): Promise<RunningServices> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err: unknown) => logger.error({ err }, 'stopping an embedded service failed'));
  };
  try {
    let mongoUri = config.MONGODB_URI;
    if (!mongoUri) {
      const store = await startEmbeddedStore(path.join(config.dataDir, 'db'), {
        onLine: (line) => logger.debug({ service: 'embedded-store' }, line),
      });
      stops.push(store.stop);
      mongoUri = `${store.uri}/${DATABASE_NAME}`;
    }
    let redisUrl = config.REDIS_URL;
    if (!redisUrl) {
      const redis = await startEmbeddedRedis({ dir: path.join(config.dataDir, 'redis') });
      stops.push(redis.stop);
      redisUrl = redis.url;
    }
    let smtpUrl = config.SMTP_URL;
    if (!smtpUrl) {
      const smtp = await startOutboxSmtp(path.join(config.dataDir, 'outbox'), (err) =>
        logger.warn({ service: 'embedded-mail', err: err.message }, 'a mail client dropped its connection mid-message'),
      );
      stops.push(smtp.stop);
      smtpUrl = smtp.url;
    }
    const embedded = { database: !config.MONGODB_URI, redis: !config.REDIS_URL, mail: !config.SMTP_URL };
    const names = Object.entries(embedded).filter(([, on]) => on).map(([name]) => name);
    if (names.length > 0) {
      logger.warn(
        { embedded: names, dataDir: config.dataDir },
        `Embedded defaults in use for ${names.join(', ')}: fit for evaluation and single-machine use only. ` +
          'Set MONGODB_URI, REDIS_URL and SMTP_URL for production.',
      );
    }
    return { mongoUri, redisUrl, smtpUrl, embedded, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
