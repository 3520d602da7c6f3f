import { Schema, Types, model, type InferSchemaType } from 'mongoose';

/** Stands for "every value" of a dimension in a pooled rollup. */
export const ALL = '*';
/** Stands for "not given" (a response without channel, touchpoint or segment). */
export const NONE = '-';
export const GRAINS = ['day', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

/** The bucket fields of a rollup document; theme rollups have the same, plus their theme. */
export const BUCKET_FIELDS = {
  surveyId: { type: Types.ObjectId, required: true },
  grain: { type: String, enum: GRAINS, required: true },
  /** `YYYY-MM-DD` (day) or `YYYY-MM` (month), UTC. */
  period: { type: String, required: true },
  touchpoint: { type: String, required: true },
  channel: { type: String, required: true },
  segment: { type: String, required: true },
  /**
   * The dimensions joined into one string per way the rollups are read (see rollupKeys), so every
   * read is an equality on (key, period ∈ list): index lookups by hash, on any store.
   */
  series: { type: String, required: true },
  slice: { type: String, required: true },
  touchpointSlice: { type: String, required: true },
} as const;

/**
 * Sufficient statistics (shared/scoring/rollup-stats) of the responses of one survey in one bucket:
 * one touchpoint, one channel (or ALL), one segment (or ALL), one UTC day or month. Each response is
 * folded into 8 buckets (day and month × {channel, ALL} × {segment, ALL}), so a dashboard reads a
 * year of one touchpoint as 12 documents and any channel/segment filter without scanning others.
 * `stats` holds only the counters `$inc` has touched; missing ones are 0.
 */
const rollupSchema = new Schema(
  {
    ...BUCKET_FIELDS,
    stats: { type: Schema.Types.Mixed, default: {} },
  },
  // One bucket is one shard's: each fold's $inc of a bucket targets it; dashboard reads by slice fan out.
  { versionKey: false, minimize: false, shardKey: { series: 1, period: 1 } },
);
rollupSchema.index({ series: 1, period: 1 }, { unique: true });
// A survey's touchpoints side by side (dashboard grid).
rollupSchema.index({ slice: 1, period: 1 });
// One touchpoint across surveys (target alerts).
rollupSchema.index({ touchpointSlice: 1, period: 1 });

/** The read keys of a bucket: one series (all dimensions), a survey slice (all touchpoints), a touchpoint slice (all surveys). */
export function rollupKeys(key: { surveyId: { toString(): string }; grain: Grain; touchpoint: string; channel: string; segment: string }) {
  const slice = `${key.surveyId.toString()}|${key.grain}|${key.channel}|${key.segment}`;
  return { slice, series: `${slice}|${key.touchpoint}`, touchpointSlice: `${key.touchpoint}|${key.grain}|${key.channel}|${key.segment}` };
}

export type RollupRecord = InferSchemaType<typeof rollupSchema>;
export const RollupModel = model('Rollup', rollupSchema);

/**
 * A counter bumped whenever a rollup of a closed period (a past day or month) changes: a late fold,
 * a deletion, an anonymisation, a rebuild. Readers cache closed periods and drop the cache when it moves.
 */
const rollupEpochSchema = new Schema({ _id: { type: String, required: true }, n: { type: Number, default: 0 } }, { versionKey: false });
export const RollupEpochModel = model('RollupEpoch', rollupEpochSchema);
