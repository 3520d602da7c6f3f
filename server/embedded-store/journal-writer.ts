import { close, fdatasync, fchmodSync, openSync, fstatSync, write } from 'node:fs';
import { PRIVATE_FILE_MODE } from '../lib/private-files';
import { promisify } from 'node:util';

const writeAsync = promisify(write);
const syncAsync = promisify(fdatasync);
const closeAsync = promisify(close);

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Appends journal frames and resolves each append only after an fdatasync covering it. Appends that
 * arrive while a sync is in flight are written together by the next one (group commit), so many
 * concurrent writers share one sync. Opening is synchronous so the journal can be swapped for a
 * fresh one without a window in which appends have nowhere to go.
 */
export class JournalWriter {
  private pending: Buffer[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private bytes: number;

  private constructor(private readonly fd: number) {
    this.bytes = fstatSync(fd).size;
  }

  static openSync(path: string): JournalWriter {
    const fd = openSync(path, 'a', PRIVATE_FILE_MODE);
    // A journal an earlier version made 0644 is narrowed as it is reopened.
    fchmodSync(fd, PRIVATE_FILE_MODE);
    return new JournalWriter(fd);
  }

  get size(): number {
    return this.bytes;
  }

  append(frame: Buffer): Promise<void> {
    this.pending.push(frame);
    this.bytes += frame.length;
    const durable = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.flushing) this.flushing = this.flushLoop();
    return durable;
  }

  /** Waits until everything appended so far is on disk. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async close(): Promise<void> {
    await this.drain();
    await closeAsync(this.fd);
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length > 0) {
      const frames = this.pending;
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        const chunk = frames.length === 1 ? (frames[0] as Buffer) : Buffer.concat(frames);
        let written = 0;
        while (written < chunk.length) written += (await writeAsync(this.fd, chunk, written, chunk.length - written)).bytesWritten;
        await syncAsync(this.fd);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        console.error(`embedded-store: journal write failed: ${String(error)}`);
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.flushing = null;
  }
}
