import path from 'node:path';
import { spawnUntilReady } from './child-process';

export interface EmbeddedStore {
  uri: string;
  stop(): Promise<void>;
  /** The child process, for tests that kill it hard. */
  pid: number | undefined;
}

const CLI = path.resolve(import.meta.dirname, '../embedded-store/cli.ts');

/** Runs the embedded MongoDB-compatible store in its own process, through the same CLI entry users run. */
export async function startEmbeddedStore(dbpath: string, options: { onLine?: (line: string) => void } = {}): Promise<EmbeddedStore> {
  const args = ['--import', 'tsx', CLI, '--port', '0', '--dbpath', dbpath, '--exit-with-stdin'];
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
}
