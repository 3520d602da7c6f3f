import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import readline from 'node:readline';

export interface RunningChild {
  child: ChildProcess;
  /** Sends SIGTERM and waits for the exit; SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<void>;
}

export class MissingBinaryError extends Error {
  constructor(binary: string, hint: string) {
    super(`${binary} was not found on PATH. ${hint}`);
    this.name = 'MissingBinaryError';
  }
}

/**
 * Starts a child and resolves once a line of its output matches `ready`, rejecting if it exits or
 * stays silent past the timeout. The child's output is kept to explain a failed start.
 */
export function spawnUntilReady(
  command: string,
  args: string[],
  options: { ready: RegExp; timeoutMs: number; missingHint: string; spawn?: SpawnOptions; onLine?: (line: string) => void },
): Promise<{ running: RunningChild; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options.spawn });
    const tail: string[] = [];
    let settled = false;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const running: RunningChild = {
      child,
      async stop(graceMs = 10_000) {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      },
    };
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new Error(`${command} did not become ready in ${options.timeoutMs} ms:\n${tail.join('\n')}`)),
      options.timeoutMs,
    );
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      options.onLine?.(line);
      const match = settled ? null : line.match(options.ready);
      if (match) {
        settled = true;
        clearTimeout(timer);
        resolve({ running, match });
      }
    };
    if (child.stdout) readline.createInterface({ input: child.stdout }).on('line', onLine);
    if (child.stderr) readline.createInterface({ input: child.stderr }).on('line', onLine);
    child.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'ENOENT' ? new MissingBinaryError(command, options.missingHint) : error),
    );
    child.once('exit', (code, signal) => fail(new Error(`${command} exited (${signal ?? code}) before it was ready:\n${tail.join('\n')}`)));
  });
}
