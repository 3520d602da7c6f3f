import type { Redis } from 'ioredis';
import type { Model } from 'mongoose';
import { countersTree, rollupStatsSchema, type RollupStats } from '@shared/scoring/rollup-stats';
import { ResponseModel } from '../responses/response.model';
import type { CounterIncrements} from './bucket-increments';
import { BucketIncrements, FOLD_PROJECTION, bucketId, type FoldableResponse } from './bucket-increments';
import { responseIncrements } from './fold.service';
import { withFoldLock } from './fold-lock';
import { bumpRollupEpoch } from './rollup-cache';
import { RollupModel } from './rollup.model';

const WRITE_CHUNK = 1000;

export interface RebuildReport {
  responses: number;
  buckets: number;
  removed: number;
}

/**
 * Recomputes every rollup from the raw responses (`npm run scores:rebuild`): the folded responses are
 * summed again in memory, each bucket's statistics are replaced, and buckets nothing counts in any
 * more are removed. Holds the rollup lock throughout, so no fold interleaves; responses still pending
 * are left to the fold. Because counters are integers, the result equals the incremental rollups.
 */
export async function rebuildRollups(redis: Redis, prefix: string): Promise<RebuildReport> {
  return withFoldLock(redis, prefix, async () => {
    const increments = new BucketIncrements();
    let responses = 0;
    for await (const response of ResponseModel.find({ foldState: 'folded' }, FOLD_PROJECTION).lean<FoldableResponse[]>().cursor({ batchSize: 1000 })) {
      increments.add(response as FoldableResponse, await responseIncrements(response as FoldableResponse, 1));
      responses += 1;
    }
    const { buckets, removed } = await replaceRollups(RollupModel as unknown as Model<never>, increments, bucketId);
    await bumpRollupEpoch();
    return { responses, buckets, removed };
  });
}

/**
 * Replaces the statistics of every bucket in `increments` and deletes the documents of `model` that
 * no bucket names any more (`idOf` gives a document's bucket id). For a rebuild holding the rollup lock.
 */
export async function replaceRollups<K extends { period: string }, D extends { series: string; period: string }>(
  model: Model<never>,
  increments: CounterIncrements<K>,
  idOf: (doc: D) => string,
): Promise<{ buckets: number; removed: number }> {
  const buckets = [...increments.buckets.values()];
  for (let i = 0; i < buckets.length; i += WRITE_CHUNK) {
    const chunk = buckets.slice(i, i + WRITE_CHUNK).map(({ key, inc }) => ({ updateOne: { filter: key, update: { $set: { stats: countersTree(inc) } }, upsert: true } }));
    await model.bulkWrite(chunk as never, { ordered: false });
  }
  const stale: unknown[] = [];
  for await (const doc of model.collection.find({}, { projection: { stats: 0 } })) {
    if (!increments.buckets.has(idOf(doc as unknown as D))) stale.push(doc._id);
  }
  for (let i = 0; i < stale.length; i += WRITE_CHUNK) await model.collection.deleteMany({ _id: { $in: stale.slice(i, i + WRITE_CHUNK) } } as never);
  return { buckets: buckets.length, removed: stale.length };
}

/** Every non-empty rollup, parsed (zeros filled), by bucket: what "incremental equals rebuild" compares. */
export async function rollupSnapshot(): Promise<Map<string, RollupStats>> {
  const out = new Map<string, RollupStats>();
  for await (const rollup of RollupModel.find({}).lean().cursor()) {
    const stats = rollupStatsSchema.parse(rollup.stats);
    if (stats.responses !== 0) out.set(bucketId(rollup), stats);
  }
  return out;
}
