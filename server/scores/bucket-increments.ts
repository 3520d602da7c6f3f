import type { ClientSession, Model, Types } from 'mongoose';
import { isClosedPeriod } from './rollup-cache';
import { ALL, NONE, RollupModel, rollupKeys, type Grain } from './rollup.model';

/** What the fold reads of a response: enough to find its buckets and its answers' definition. */
export interface FoldableResponse {
  _id: Types.ObjectId;
  surveyId: Types.ObjectId;
  version: number;
  answers: unknown;
  touchpoint?: string | null;
  channel?: string | null;
  segment?: string | null;
  submittedAt: Date;
}
export const FOLD_PROJECTION = { surveyId: 1, version: 1, answers: 1, touchpoint: 1, channel: 1, segment: 1, submittedAt: 1 } as const;

export interface BucketKey {
  surveyId: Types.ObjectId;
  grain: Grain;
  period: string;
  touchpoint: string;
  channel: string;
  segment: string;
  series: string;
  slice: string;
  touchpointSlice: string;
}

/** The 8 rollup buckets a response counts in: day and month, each with its channel/segment and pooled. */
export function bucketsOf(response: FoldableResponse): BucketKey[] {
  const iso = response.submittedAt.toISOString();
  const touchpoint = response.touchpoint ?? NONE;
  const channel = response.channel ?? NONE;
  const segment = response.segment ?? NONE;
  const keys: BucketKey[] = [];
  for (const [grain, period] of [['day', iso.slice(0, 10)], ['month', iso.slice(0, 7)]] as const) {
    for (const c of [channel, ALL]) {
      for (const s of [segment, ALL]) {
        const dimensions = { surveyId: response.surveyId, grain, period, touchpoint, channel: c, segment: s };
        keys.push({ ...dimensions, ...rollupKeys(dimensions) });
      }
    }
  }
  return keys;
}

export const bucketId = (key: { series: string; period: string }) => `${key.series}|${key.period}`;

/** Accumulates `$inc` counters per rollup document, so a batch writes each document once. */
export class CounterIncrements<K extends { period: string }> {
  readonly buckets = new Map<string, { key: K; inc: Record<string, number> }>();

  constructor(private readonly model: Model<never>) {}

  addTo(id: string, key: K, increments: Record<string, number>): void {
    let bucket = this.buckets.get(id);
    if (!bucket) {
      bucket = { key, inc: {} };
      this.buckets.set(id, bucket);
    }
    for (const [path, value] of Object.entries(increments)) bucket.inc[path] = (bucket.inc[path] ?? 0) + value;
  }

  /** Whether any bucket is of a closed period (a late fold, a deletion): readers' caches must drop it. */
  touchesClosedPeriod(): boolean {
    return [...this.buckets.values()].some(({ key }) => isClosedPeriod(key.period));
  }

  /** Upserts with `$inc` under `stats.`; exact because every counter is an integer. */
  async write(session: ClientSession | null): Promise<void> {
    const operations = [...this.buckets.values()]
      .map(({ key, inc }) => {
        const $inc = Object.fromEntries(Object.entries(inc).filter(([, v]) => v !== 0).map(([path, v]) => [`stats.${path}`, v]));
        return Object.keys($inc).length === 0 ? null : { updateOne: { filter: key, update: { $inc }, upsert: true } };
      })
      .filter((op) => op !== null);
    if (operations.length > 0) await this.model.bulkWrite(operations as never, { ordered: false, ...(session ? { session } : {}) });
  }
}

/** Accumulates the `$inc` of many responses per rollup bucket. */
export class BucketIncrements extends CounterIncrements<BucketKey> {
  constructor() {
    super(RollupModel as unknown as Model<never>);
  }

  add(response: FoldableResponse, increments: Record<string, number>): void {
    for (const key of bucketsOf(response)) this.addTo(bucketId(key), key, increments);
  }
}

