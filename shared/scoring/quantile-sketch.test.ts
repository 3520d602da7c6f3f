import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SKETCH_MIN_VALUE, SKETCH_RELATIVE_ACCURACY, ZERO_BUCKET, mergeSketches, sketchBucketOf, sketchCount, sketchOf, sketchQuantile } from './quantile-sketch';

/** The exact value of rank ⌊q·(n − 1)⌋, as sketchQuantile defines the quantile. */
function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

// Durations in ms from sub-millisecond to ~60 days, often clustered as real response times are.
const duration = fc.oneof(fc.double({ min: 0, max: 5e9, noNaN: true }), fc.integer({ min: 0, max: 3_600_000 }), fc.constantFrom(0, 0.5, 1, 1000, 60_000));
const durations = fc.array(duration, { minLength: 1, maxLength: 300 });
const quantile = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 0.9, 0.99, 1));

describe('quantile sketch', () => {
  it('reads every quantile within the relative accuracy of the exact one', () => {
    fc.assert(
      fc.property(durations, quantile, (values, q) => {
        const exact = exactQuantile(values, q);
        const read = sketchQuantile(sketchOf(values), q)!;
        if (exact < SKETCH_MIN_VALUE) expect(read).toBe(0);
        // A hair of float slack on the bound: log and pow round at bucket edges.
        else expect(Math.abs(read - exact)).toBeLessThanOrEqual(exact * SKETCH_RELATIVE_ACCURACY * (1 + 1e-9));
      }),
      { numRuns: 500 },
    );
  });

  it('merging two sketches equals the sketch of both sets, and subtracting one gives the other back', () => {
    fc.assert(
      fc.property(durations, durations, (a, b) => {
        const merged = mergeSketches(sketchOf(a), sketchOf(b));
        expect(merged).toEqual(sketchOf([...a, ...b]));
        expect(mergeSketches(merged, sketchOf(b), -1)).toEqual(sketchOf(a));
        expect(sketchCount(merged)).toBe(a.length + b.length);
      }),
    );
  });

  it('puts values below 1 ms in the zero bucket and refuses negative or non-finite values', () => {
    expect(sketchBucketOf(0)).toBe(ZERO_BUCKET);
    expect(sketchBucketOf(0.99)).toBe(ZERO_BUCKET);
    expect(sketchBucketOf(1)).toBe('0');
    expect(() => sketchBucketOf(-1)).toThrow(RangeError);
    expect(() => sketchBucketOf(Number.NaN)).toThrow(RangeError);
    expect(() => sketchBucketOf(Infinity)).toThrow(RangeError);
  });

  it('reads an empty sketch as null and refuses a quantile outside 0–1', () => {
    expect(sketchQuantile({}, 0.5)).toBeNull();
    expect(sketchQuantile({ '3': 0 }, 0.5)).toBeNull();
    expect(() => sketchQuantile({ '1': 1 }, 1.5)).toThrow(RangeError);
  });

  it('reads the median of 1..100 s near 50 s and p90 near 90 s', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i + 1) * 1000);
    expect(sketchQuantile(sketchOf(values), 0.5)! / 50_000).toBeCloseTo(1, 1);
    expect(sketchQuantile(sketchOf(values), 0.9)! / 90_000).toBeCloseTo(1, 1);
  });
});
