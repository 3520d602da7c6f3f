import { z } from 'zod';
import { METRIC_KEYS } from './metric-keys';

/** The targets a touchpoint can be held to: every metric, by the name it has in `TouchpointTarget`. */
export const TARGET_METRICS = METRIC_KEYS;
export const targetMetricSchema = z.enum(TARGET_METRICS);
export type TargetMetric = z.infer<typeof targetMetricSchema>;

/**
 * `met` / `missed`: value at or above / below the target on at least `minN` respondents;
 * `insufficient`: fewer respondents than `minN`, so no verdict; `no-data`: nobody answered that metric.
 */
export const TARGET_STATUSES = ['met', 'missed', 'insufficient', 'no-data'] as const;
export const targetStatusSchema = z.enum(TARGET_STATUSES);
export type TargetStatus = z.infer<typeof targetStatusSchema>;

export const targetCheckSchema = z.object({
  metric: targetMetricSchema,
  target: z.number(),
  value: z.number().nullable(),
  n: z.number().int().min(0),
  minN: z.number().int().min(1),
  status: targetStatusSchema,
});
export type TargetCheck = z.infer<typeof targetCheckSchema>;
