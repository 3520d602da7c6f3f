import { MissingBinaryError } from './embedded/child-process';
import type { Logger } from './logger';

/** One booted process, as an entry sees it. */
export interface RunningProcess {
  context: { logger: Logger };
  /** Base URL of the API, when this process serves it. */
  url?: string;
  stop(): Promise<void>;
}

/** What a process entry boots: the app hands in its config loader and platform, so this file imports nothing above lib/. */
export interface EntryBoot<C> {
  loadConfig: () => C;
  /** Whether an error of `loadConfig` is the operator's (a bad environment): its message is printed, exit code 2. */
  isConfigError: (error: unknown) => boolean;
  /** A refusal to start with this config (printed, exit code 2), or undefined. */
  check?: ((config: C) => string | undefined) | undefined;
  start: (config: C) => Promise<RunningProcess>;
}

/** Shared by the process entries: validated config, boot, one line when ready, clean stop on SIGTERM/SIGINT. */
export async function runEntry<C>(boot: EntryBoot<C>): Promise<void> {
  let config: C;
  try {
    config = boot.loadConfig();
  } catch (error) {
    if (boot.isConfigError(error)) {
      console.error((error as Error).message);
      process.exit(2);
    }
    throw error;
  }
  const refusal = boot.check?.(config);
  if (refusal) {
    console.error(refusal);
    process.exit(2);
  }
  try {
    const platform = await boot.start(config);
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
