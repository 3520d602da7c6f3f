/**
 * Coalesces what concurrent callers in one process ask for within a short window into one query or
 * one bulk write. A bulk send has dozens of emails in flight at once; claiming and recording their
 * send-log entries one document at a time would cost more database round trips than the emails
 * themselves. Every caller still waits for its own result, so a job completes
 * only once its write is acknowledged.
 */
export class Coalescer<In, Out> {
  private pending: { input: In; resolve: (value: Out) => void; reject: (error: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  private running = false;

  /**
   * `windowMs`: how long the first request of a batch waits for others. `'while-busy'`: no wait when
   * idle (the batch goes out once the current tick's requests are in); while a batch is in flight the
   * next one gathers, and goes out when it returns (group commit). For writes whose delay matters,
   * such as recording that an email went out, where a crash in the gap means a resend.
   */
  constructor(
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly windowMs: number | 'while-busy' = 2,
    private readonly maxBatch = 500,
  ) {}

  /** Resolves with this input's output from the next batch. */
  request(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (this.windowMs === 'while-busy') {
        if (!this.running && this.pending.length === 1) setImmediate(() => this.flush());
      } else if (this.pending.length >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.windowMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.windowMs === 'while-busy' && this.running) return;
    const batch = this.pending.splice(0, this.maxBatch);
    if (batch.length === 0) return;
    this.running = true;
    this.run(batch.map((item) => item.input))
      .then(
        (outputs) => batch.forEach((item, i) => item.resolve(outputs[i]!)),
        (error: unknown) => batch.forEach((item) => item.reject(error)),
      )
      .finally(() => {
        this.running = false;
        if (this.windowMs === 'while-busy' && this.pending.length > 0) this.flush();
      });
  }
}
