import { Z_95, tCritical95 } from './sampling-distributions';

export type Interval = [lo: number, hi: number];

/** Mean and sample variance from n, Σx and Σx² (variance clamped at 0 against rounding). */
export function meanAndVariance(n: number, sum: number, sumSq: number): { mean: number; variance: number } {
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSq - (sum * sum) / n) / (n - 1)) : 0;
  return { mean, variance };
}

/**
 * 95% interval of a mean from n, Σx and Σx², using Student's t with n − 1 degrees of freedom
 * (not the normal: it stays honest for the small samples a touchpoint-day often has).
 * Null when n < 2, where no variance can be estimated.
 */
export function meanInterval95(n: number, sum: number, sumSq: number): Interval | null {
  if (n < 2) return null;
  const { mean, variance } = meanAndVariance(n, sum, sumSq);
  const half = tCritical95(n - 1) * Math.sqrt(variance / n);
  return [mean - half, mean + half];
}

/** Wilson score 95% interval of a proportion `successes / n`, in percentage points. Null when n = 0. */
export function wilsonInterval95(successes: number, n: number): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z_95 / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and n the bound is exactly 0 or 100 in theory; set it so rounding cannot leave 99.99999999999999.
  const lo = successes <= 0 ? 0 : Math.max(0, centre - half);
  const hi = successes >= n ? 1 : Math.min(1, centre + half);
  return [100 * lo, 100 * hi];
}

/** Variance of the NPS estimate in percentage points²: 100²·(p + d − (p − d)²)/n, p and d proportions. */
export function npsVariance(promoters: number, detractors: number, n: number): number {
  if (n <= 0) return Number.NaN;
  const p = promoters / n;
  const d = detractors / n;
  return (10_000 * Math.max(0, p + d - (p - d) ** 2)) / n;
}

/**
 * 95% interval of the NPS (percentage points) by the normal approximation, score ± 1.96·SE with
 * SE = 100·sqrt((p + d − (p − d)²)/n), clipped to [−100, 100]. Null when n = 0.
 * Degenerate (zero width) when every respondent falls in one group; the sample flag says how far to trust it.
 */
export function npsInterval95(promoters: number, detractors: number, n: number): Interval | null {
  if (n <= 0) return null;
  const score = (100 * (promoters - detractors)) / n;
  const half = Z_95 * Math.sqrt(npsVariance(promoters, detractors, n));
  return [Math.max(-100, score - half), Math.min(100, score + half)];
}
