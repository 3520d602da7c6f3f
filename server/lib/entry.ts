import { ConfigError, loadConfig, type Config } from '../config';
import { MissingBinaryError } from './embedded/child-process';
import { startPlatform } from '../platform';

/** Shared by the process entries: validated config, boot, one line when ready, clean stop on SIGTERM/SIGINT. */
export async function runEntry(
  rolesFor: (config: Config) => { api: boolean; workers: boolean },
  check?: (config: Config) => string | undefined,
): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const refusal = check?.(config);
  if (refusal) {
    console.error(refusal);
    process.exit(2);
  }
  try {
    const platform = await startPlatform(config, rolesFor(config));
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      platform.context.logger.info({ signal }, 'shutting down');
      platform.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.stdout.write(platform.url ? `listening ${platform.url}\n` : 'workers running\n');
  } catch (error) {
    console.error(error instanceof MissingBinaryError ? error.message : error);
    process.exit(1);
  }
}
