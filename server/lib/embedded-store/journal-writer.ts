import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Appends journal frames and resolves each append only after an fdatasync covering it. Appends that
 * arrive while a sync is in flight are written together by the next one (group commit), so many
 * concurrent writers share one sync.
 */
export class JournalWriter {
  private pending: Buffer[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private bytes = 0;

  private constructor(private readonly handle: FileHandle, initialSize: number) {
    this.bytes = initialSize;
  }

  static async open(path: string): Promise<JournalWriter> {
    const handle = await open(path, 'a');
    const { size } = await handle.stat();
    return new JournalWriter(handle, size);
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
    await this.handle.close();
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
        while (written < chunk.length) {
          const { bytesWritten } = await this.handle.write(chunk, written, chunk.length - written);
          written += bytesWritten;
        }
        await this.handle.datasync();
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        console.error(`embedded-store: journal write failed: ${String(error)}`);
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.flushing = null;
  }
}
