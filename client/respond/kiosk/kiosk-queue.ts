import type { SubmitResponseInput } from '@shared/responses/response-api.schema';
import { sendWithRetry, type RetryOptions, type SendOutcome } from '../send-response';

type QueueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface KioskQueueOptions {
  /** Where finished surveys wait across a reload of the tablet (never shown to anyone). */
  storageKey: string;
  storage?: QueueStorage | undefined;
  send: (body: SubmitResponseInput) => Promise<SendOutcome>;
  /** Called with how many finished surveys are still waiting, whenever that changes. */
  onPending?: (pending: number) => void;
  sleep?: RetryOptions['sleep'];
  random?: RetryOptions['random'];
}

/**
 * Finished surveys waiting to reach the server, oldest first. The customer is thanked at once and the
 * next one can begin while this sends in the background; each body keeps its submissionId on every
 * attempt, so however often a flaky connection makes it resend, the server stores each survey once.
 */
export class KioskQueue {
  private readonly items: SubmitResponseInput[];
  private readonly abort = new AbortController();
  private flushing = false;

  constructor(private readonly options: KioskQueueOptions) {
    this.items = readQueue(options.storage, options.storageKey);
  }

  get pending(): number {
    return this.items.length;
  }

  /** Sends whatever a previous page left behind (the tablet was reloaded while offline). */
  start(): void {
    this.options.onPending?.(this.items.length);
    void this.flush();
  }

  add(body: SubmitResponseInput): void {
    this.items.push(body);
    this.changed();
    void this.flush();
  }

  /** Stops sending (the page is going away); what is left stays stored for the next start. */
  stop(): void {
    this.abort.abort(new Error('kiosk stopped'));
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let next = this.items[0]; next !== undefined && !this.abort.signal.aborted; next = this.items[0]) {
        const body = next;
        const outcome = await sendWithRetry(() => this.options.send(body), {
          signal: this.abort.signal,
          ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
          ...(this.options.random ? { random: this.options.random } : {}),
        });
        // Anything but "stored" is final too (the survey closed, answers refused): sending again cannot change it.
        if (outcome.kind !== 'stored') console.warn('Kiosk survey not stored:', outcome);
        this.items.shift();
        this.changed();
      }
    } catch {
      // Aborted: the page is going away; the stored queue is sent by the next page.
    } finally {
      this.flushing = false;
    }
  }

  private changed(): void {
    try {
      this.options.storage?.setItem(this.options.storageKey, JSON.stringify(this.items));
    } catch {
      // Storage full or blocked: the queue lives in the page until sent.
    }
    this.options.onPending?.(this.items.length);
  }
}

/** Bodies this page wrote earlier; the server validates each one again when it arrives. */
function readQueue(storage: QueueStorage | undefined, key: string): SubmitResponseInput[] {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return Array.isArray(saved) ? saved.filter((item): item is SubmitResponseInput => typeof item === 'object' && item !== null && 'submissionId' in item) : [];
  } catch {
    return [];
  }
}
