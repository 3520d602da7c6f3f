import { z } from 'zod';

export const SAMPLE_FLAGS = ['insufficient', 'low', 'ok'] as const;
export const sampleFlagSchema = z.enum(SAMPLE_FLAGS);
export type SampleFlag = z.infer<typeof sampleFlagSchema>;

/** Below `insufficient` respondents a score is not shown as reliable; below `low` it is shown with a warning. */
export const SAMPLE_THRESHOLDS = { insufficient: 30, low: 100 } as const;

/** How much weight a score on `n` respondents can bear: `insufficient` < 30 ≤ `low` < 100 ≤ `ok`. */
export function sampleFlag(n: number): SampleFlag {
  if (n < SAMPLE_THRESHOLDS.insufficient) return 'insufficient';
  if (n < SAMPLE_THRESHOLDS.low) return 'low';
  return 'ok';
}
