import path from 'node:path';
import { spawnUntilReady } from './child-process';

export interface EmbeddedStore {
  uri: string;
  stop(): Promise<void>;
  /** The child process, for tests that kill it hard. */
  pid: number | undefined;
}

const CLI = path.resolve(import.meta.dirname, '../../embedded-store/cli.ts');
// A store whose parent was killed flushes and exits when its stdin closes; a restart right after
// may find it still holding the dbpath lock for a moment.
const LOCK_WAIT_MS = 20_000;

/** Runs the embedded MongoDB-compatible store in its own process, through the same CLI entry users run. */
export async function startEmbeddedStore(
  dbpath: string,
  options: { onLine?: (line: string) => void; port?: number; nodeArgs?: string[] } = {},
): Promise<EmbeddedStore> {
  const args = [...(options.nodeArgs ?? []), '--import', 'tsx', CLI, '--port', String(options.port ?? 0), '--dbpath', dbpath, '--exit-with-stdin'];
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const { running, match } = await spawnUntilReady(process.execPath, args, {
        ready: /^ready (mongodb:\/\/\S+)$/,
        timeoutMs: 120_000,
        missingHint: 'The Node.js binary running this process could not be started again.',
        ...(options.onLine ? { onLine: options.onLine } : {}),
        // Its own process group: a Ctrl-C in the terminal reaches only the platform, which stops the
        // store last, after the API has drained.
        spawn: { detached: true },
      });
      return { uri: match[1] ?? '', stop: () => running.stop(30_000), pid: running.child.pid };
    } catch (error) {
      if (!(error instanceof Error) || !/is in use by process/.test(error.message) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
