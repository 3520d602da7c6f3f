/**
 * A mergeable quantile sketch for durations (FRT, TAT), DDSketch-style: log-spaced buckets with 1%
 * relative accuracy, stored as bucket index → count.
 *
 * Why this sketch: rollups only ever `$inc` integer counters (so folding in any order, subtracting a
 * refolded case and rebuilding all give identical documents, see rollup-stats). A DDSketch is exactly
 * that — a histogram of integer counts — so a case folds in as `$inc` of one bucket, days and channels
 * merge by adding counts, and a case taken out is a decrement. Sketches built on sorted centroids
 * (t-digest) or sampling (KLL) merge approximately and cannot be subtracted, which would break
 * "rebuild equals incremental". Durations span milliseconds to weeks, where a relative error bound
 * (1% of the value) is the useful one; ~1,100 buckets cover 1 ms to 30 days, and only those used are stored.
 */

/** Relative accuracy: every quantile read is within 1% of a value of the exact rank. */
export const SKETCH_RELATIVE_ACCURACY = 0.01;
const GAMMA = (1 + SKETCH_RELATIVE_ACCURACY) / (1 - SKETCH_RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);

/** Values below this (ms) go to the zero bucket and read back as 0. */
export const SKETCH_MIN_VALUE = 1;
/** The zero bucket's key. */
export const ZERO_BUCKET = 'z';

/** Bucket key → count; keys are ZERO_BUCKET or integer bucket indices as strings. */
export type SketchBuckets = Record<string, number>;

/** The bucket a non-negative value falls in: index i holds (γ^(i−1), γ^i]. */
export function sketchBucketOf(value: number): string {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`a sketch takes finite, non-negative values, not ${value}`);
  if (value < SKETCH_MIN_VALUE) return ZERO_BUCKET;
  return String(Math.ceil(Math.log(value) / LOG_GAMMA));
}

/** The value a bucket reads back as: the point whose relative distance to both bucket ends is α. */
function bucketValue(key: string): number {
  if (key === ZERO_BUCKET) return 0;
  return (2 * GAMMA ** Number(key)) / (GAMMA + 1);
}

/** A sketch of `values` (the pure twin of folding each value in as `$inc` of its bucket). */
export function sketchOf(values: Iterable<number>): SketchBuckets {
  const buckets: SketchBuckets = {};
  for (const value of values) {
    const key = sketchBucketOf(value);
    buckets[key] = (buckets[key] ?? 0) + 1;
  }
  return buckets;
}

/** Sum of two sketches: the sketch of both sets of values. Emptied buckets (after subtraction) are dropped. */
export function mergeSketches(a: SketchBuckets, b: SketchBuckets, sign: 1 | -1 = 1): SketchBuckets {
  const out: SketchBuckets = { ...a };
  for (const [key, count] of Object.entries(b)) {
    const sum = (out[key] ?? 0) + sign * count;
    if (sum === 0) delete out[key];
    else out[key] = sum;
  }
  return out;
}

/** Values counted in the sketch. */
export function sketchCount(buckets: SketchBuckets): number {
  return Object.values(buckets).reduce((sum, count) => sum + count, 0);
}

const order = (key: string) => (key === ZERO_BUCKET ? -Infinity : Number(key));

/**
 * The q-quantile (0 ≤ q ≤ 1) as the value of rank ⌊q·(n − 1)⌋ among the sorted values, within the
 * relative accuracy; null for an empty sketch.
 */
export function sketchQuantile(buckets: SketchBuckets, q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`a quantile is between 0 and 1, not ${q}`);
  const entries = Object.entries(buckets).filter(([, count]) => count > 0).sort(([a], [b]) => order(a) - order(b));
  const n = entries.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const rank = Math.floor(q * (n - 1));
  let seen = 0;
  for (const [key, count] of entries) {
    seen += count;
    if (seen > rank) return bucketValue(key);
  }
  return bucketValue(entries[entries.length - 1]![0]);
}
