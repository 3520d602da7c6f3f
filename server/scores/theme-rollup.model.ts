import { Schema, model } from 'mongoose';
import { BUCKET_FIELDS } from './rollup.model';

/** The theme counting every response with a comment: the denominator of theme shares (no theme key can be it). */
export const COMMENTED = '*';

/**
 * The rollup statistics (shared/scoring/rollup-stats) of the responses in one rollup bucket whose
 * comments mention one theme: `stats.responses` is the theme's count and the rest gives their NPS,
 * CSAT, ... exactly as for the bucket. Same bucket keys as `rollups` (see rollupKeys), plus `theme`;
 * theme `*` counts the commented responses. Folded in the same transaction as the bucket itself.
 */
const themeRollupSchema = new Schema(
  {
    ...BUCKET_FIELDS,
    theme: { type: String, required: true },
    stats: { type: Schema.Types.Mixed, default: {} },
  },
  // Like the rollups: a bucket's themes sit on its shard; reads by slice fan out.
  { versionKey: false, minimize: false, shardKey: { series: 1, period: 1 } },
);
themeRollupSchema.index({ series: 1, period: 1, theme: 1 }, { unique: true });
themeRollupSchema.index({ slice: 1, period: 1 });
themeRollupSchema.index({ touchpointSlice: 1, period: 1 });

export const ThemeRollupModel = model('ThemeRollup', themeRollupSchema);
