import { z } from 'zod';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { targetMetricSchema } from './target.schema';

/** Rolling windows (days, ending today UTC) that targets are checked over. */
export const ALERT_WINDOWS = [7, 30] as const;
export const alertWindowSchema = z.union([z.literal(7), z.literal(30)]);

/** A touchpoint crossing its target: `breach` when it falls below, `recovery` when it is met again. */
export const alertSchema = z.object({
  id: z.string(),
  touchpoint: slugSchema,
  window: alertWindowSchema,
  metric: targetMetricSchema,
  kind: z.enum(['breach', 'recovery']),
  value: z.number(),
  target: z.number(),
  n: z.number().int().min(0),
  /** The version of the touchpoint's standard in force when it was judged; null on alerts recorded before standards had versions. */
  standardVersion: z.number().int().min(1).nullable(),
  at: z.string(),
  /** When the owners' emails were handed to the mail job; null until then. */
  notifiedAt: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertsQuerySchema = z.object({
  touchpoint: slugSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AlertsQuery = z.infer<typeof alertsQuerySchema>;

export const alertListSchema = z.object({ alerts: z.array(alertSchema) });
export type AlertList = z.infer<typeof alertListSchema>;
