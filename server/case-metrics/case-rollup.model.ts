import { Schema, model } from 'mongoose';
import { GRAINS, type Grain } from '../scores/rollup.model';

/**
 * Case statistics (shared/scoring/case-stats) of the cases opened in one bucket: one touchpoint, one
 * channel, segment and category (each also pooled as ALL), one UTC day or month. A case counts in 16
 * buckets (day and month × {channel, ALL} × {segment, ALL} × {category, ALL}), so any filter of the
 * metrics API reads one key per period, as response rollups do. `stats` holds only counters `$inc` touched.
 */
const caseRollupSchema = new Schema(
  {
    grain: { type: String, enum: GRAINS, required: true },
    /** `YYYY-MM-DD` (day) or `YYYY-MM` (month), UTC, of the cases' opening. */
    period: { type: String, required: true },
    touchpoint: { type: String, required: true },
    channel: { type: String, required: true },
    segment: { type: String, required: true },
    category: { type: String, required: true },
    /** Every dimension joined (one touchpoint), and all but the touchpoint (every touchpoint side by side). */
    series: { type: String, required: true },
    slice: { type: String, required: true },
    stats: { type: Schema.Types.Mixed, default: {} },
  },
  // As response rollups: each fold's $inc of a bucket targets one shard; reads by slice fan out.
  { versionKey: false, minimize: false, shardKey: { series: 1, period: 1 } },
);
caseRollupSchema.index({ series: 1, period: 1 }, { unique: true });
caseRollupSchema.index({ slice: 1, period: 1 });

export interface CaseBucketDimensions {
  grain: Grain;
  touchpoint: string;
  channel: string;
  segment: string;
  category: string;
}

/** The read keys of a case bucket. */
export function caseRollupKeys(key: CaseBucketDimensions): { series: string; slice: string } {
  const slice = `${key.grain}|${key.channel}|${key.segment}|${key.category}`;
  return { slice, series: `${slice}|${key.touchpoint}` };
}

export const CaseRollupModel = model('CaseRollup', caseRollupSchema);
