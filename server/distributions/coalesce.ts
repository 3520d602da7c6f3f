/**
 * Coalesces what concurrent jobs in one worker ask for within a short window into one query or one
 * bulk write. A bulk send runs dozens of send jobs at once; reading their recipients, contacts and
 * distribution and recording their outcomes one document at a time would cost more database round
 * trips than the emails themselves. Every caller still waits for its own result, so a job completes
 * only once its write is acknowledged.
 */
export class Coalescer<In, Out> {
  private pending: { input: In; resolve: (value: Out) => void; reject: (error: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly windowMs = 2,
    private readonly maxBatch = 500,
  ) {}

  /** Resolves with this input's output from the next batch. */
  request(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.windowMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.run(batch.map((item) => item.input)).then(
      (outputs) => batch.forEach((item, i) => item.resolve(outputs[i]!)),
      (error: unknown) => batch.forEach((item) => item.reject(error)),
    );
  }
}

/** A coalesced lookup by id: one `find({ _id: { $in } })` per window. */
export function byIdLoader<Doc extends { _id: { toString(): string } }>(find: (ids: string[]) => Promise<Doc[]>, windowMs = 2): (id: string) => Promise<Doc | null> {
  const coalescer = new Coalescer<string, Doc | null>(async (ids) => {
    const docs = await find([...new Set(ids)]);
    const byId = new Map(docs.map((doc) => [doc._id.toString(), doc]));
    return ids.map((id) => byId.get(id) ?? null);
  }, windowMs);
  return (id) => coalescer.request(id);
}
