import mongoose, { type ClientSession, type Types } from 'mongoose';
import { extractMetricAnswers } from '@shared/scoring/metric-answers';
import { statsIncrements } from '@shared/scoring/response-stats';
import type { SurveyDefinitionJson } from '@shared/survey-definition/walk-questions';
import { ResponseModel } from '../responses/response.model';
import { markFolded } from '../responses/response.service';
import { cachedPublishedDefinition } from '../surveys/survey-cache';
import { bumpRollupEpoch, isClosedPeriod } from './rollup-cache';
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

/** `$inc` paths of one response under `stats.`, with the definition of the version it answered. */
export async function responseIncrements(response: FoldableResponse, sign: 1 | -1): Promise<Record<string, number>> {
  const definition = await cachedPublishedDefinition(response.surveyId.toString(), response.version);
  // A response only exists for a published version, and published versions are never deleted.
  if (!definition) throw new Error(`survey ${response.surveyId.toString()} has no published version ${response.version}`);
  const answers = (response.answers ?? {}) as Record<string, unknown>;
  return statsIncrements(extractMetricAnswers(definition as SurveyDefinitionJson, answers), sign);
}

/** Accumulates the `$inc` of many responses per bucket, so a batch writes each bucket once. */
export class BucketIncrements {
  readonly buckets = new Map<string, { key: BucketKey; inc: Record<string, number> }>();

  add(response: FoldableResponse, increments: Record<string, number>): void {
    for (const key of bucketsOf(response)) {
      const id = bucketId(key);
      let bucket = this.buckets.get(id);
      if (!bucket) {
        bucket = { key, inc: {} };
        this.buckets.set(id, bucket);
      }
      for (const [path, value] of Object.entries(increments)) bucket.inc[path] = (bucket.inc[path] ?? 0) + value;
    }
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
    if (operations.length > 0) await RollupModel.bulkWrite(operations, { ordered: false, ...(session ? { session } : {}) });
  }
}

/** Another fold took some of these responses first (possible only if the lock's lease ran out). */
class FoldRace extends Error {}

/**
 * Folds up to `batchSize` pending responses: in one transaction each is flipped from
 * `pending` to `folded` and its increments are added, so a response is counted exactly once even if
 * two workers fold the same batch (the loser's flip matches fewer documents and it aborts).
 * Returns how many pending responses it found (0: nothing left).
 */
export async function foldPendingBatch(batchSize: number, session?: ClientSession): Promise<number> {
  const batch = await ResponseModel.find({ foldState: 'pending' }, FOLD_PROJECTION).limit(batchSize).lean<FoldableResponse[]>();
  if (batch.length === 0) return 0;
  const increments = new BucketIncrements();
  for (const response of batch) increments.add(response, await responseIncrements(response, 1));
  const ids = batch.map((response) => response._id);
  try {
    const fold = async (txn: ClientSession) => {
      if ((await markFolded(ids, txn)) !== ids.length) throw new FoldRace();
      await increments.write(txn);
    };
    await (session ? session.withTransaction(() => fold(session)) : mongoose.connection.transaction(fold));
  } catch (error) {
    if (error instanceof FoldRace) return batch.length; // read again: what is still pending gets folded
    throw error;
  }
  if (increments.touchesClosedPeriod()) await bumpRollupEpoch();
  return ids.length;
}

/** A response as the scores consumer sees it change: what the fold reads, and whether it was counted yet. */
export type CountedResponse = FoldableResponse & { foldState?: string | null };

/**
 * Takes deleted responses out of the rollups, in the deleting transaction: those already folded get
 * their increments subtracted (with the same definition and buckets they were folded with).
 */
export async function subtractFolded(responses: readonly CountedResponse[], session: ClientSession): Promise<void> {
  const increments = new BucketIncrements();
  for (const response of responses) {
    if (response.foldState === 'folded') increments.add(response, await responseIncrements(response, -1));
  }
  await increments.write(session);
}

/**
 * Moves anonymised responses' counts, in the anonymising transaction: a folded response is subtracted
 * as it was and added as it is now (no segment, no free text), so the rollups always equal a rebuild.
 */
export async function refoldChanged(changes: readonly { before: CountedResponse; after: FoldableResponse }[], session: ClientSession): Promise<void> {
  const increments = new BucketIncrements();
  for (const { before, after } of changes) {
    if (before.foldState !== 'folded') continue;
    increments.add(before, await responseIncrements(before, -1));
    increments.add(after, await responseIncrements(after, 1));
  }
  await increments.write(session);
}
