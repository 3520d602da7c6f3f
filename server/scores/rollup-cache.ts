import { dayOf } from './period-plan';
import { RollupEpochModel } from './rollup.model';

const EPOCH_ID = 'rollups';
const MAX_ENTRIES = 50_000;

/** Whether a rollup period is over (a day before today, a month before this one, UTC): its rollup changes only through a bump. */
export function isClosedPeriod(period: string, now = new Date()): boolean {
  const today = dayOf(now);
  return period.length === 7 ? period < today.slice(0, 7) : period < today;
}

/** Tells every process's cache that some closed period's rollups changed. Call after the change is committed. */
export async function bumpRollupEpoch(): Promise<void> {
  await RollupEpochModel.updateOne({ _id: EPOCH_ID }, { $inc: { n: 1 } }, { upsert: true });
}

async function currentEpoch(): Promise<number> {
  const doc = await RollupEpochModel.findById(EPOCH_ID).lean();
  return doc?.n ?? 0;
}

/**
 * Rows of closed periods, per (rollup key, period), kept across requests in this process. Closed
 * periods hold almost all of a year's rollups and never change except through a bump, so a dashboard
 * read fetches little more than this month's and today's documents. Checked against the shared epoch
 * on every read (one small query), so a deletion or rebuild in any process is seen at once.
 */
export class ClosedPeriodCache<Row> {
  private epoch = -1;
  private readonly entries = new Map<string, Row[]>();

  /** Brings the cache up to the current epoch; returns a lookup for this read. */
  async sync(): Promise<void> {
    const epoch = await currentEpoch();
    if (epoch !== this.epoch) {
      this.entries.clear();
      this.epoch = epoch;
    }
  }

  get(key: string): Row[] | undefined {
    const rows = this.entries.get(key);
    if (rows !== undefined) {
      // Refresh its place in the LRU order.
      this.entries.delete(key);
      this.entries.set(key, rows);
    }
    return rows;
  }

  set(key: string, rows: Row[], epochAtRead: number): void {
    if (epochAtRead !== this.epoch) return;
    this.entries.set(key, rows);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** The epoch the cache is at; a read started at one epoch must not fill the cache of a later one. */
  get currentEpoch(): number {
    return this.epoch;
  }
}
