import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SinkStats {
  messages: number;
  recipients: number;
  duplicated: number;
  /** Each recipient who got more than one message, with the arrival times (ms since the epoch). */
  duplicates: { address: string; times: number[] }[];
  lastAt: number;
}

export interface SmtpSink {
  url: string;
  child: ChildProcess;
  /** Counts for the recipients whose address starts with `prefix`. */
  stats(prefix: string): Promise<SinkStats>;
  stop(): void;
}

/** The counting SMTP server (smtp-sink.ts), in its own process so its CPU is not the bench's. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const child = fork(path.join(import.meta.dirname, 'smtp-sink.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', () => reject(new Error('SMTP sink exited')));
  });
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    child,
    stats: (prefix) =>
      new Promise((resolve) => {
        child.once('message', (m: SinkStats) => resolve(m));
        child.send({ type: 'stats', prefix });
      }),
    stop: () => child.send({ type: 'stop' }),
  };
}
