import { z } from 'zod';
import { emailSchema } from '../auth/auth.schema';
import { LEGACY_TARGET_KEYS } from '../scoring/metric-keys';
import { slugSchema } from '../survey-definition/metric-vocabulary';

const targetShape = z
  .object({
    /** NPS at or above, -100..100. */
    nps: z.number().min(-100).max(100).optional(),
    /** CSAT share of 4-5 answers at or above, in percent. */
    'csat-satisfied': z.number().min(0).max(100).optional(),
    /** CSAT mean at or above, 1..5. */
    csat: z.number().min(1).max(5).optional(),
    /** CES mean at or above, 1..7 (7 = very easy). */
    ces: z.number().min(1).max(7).optional(),
    /** Overall SERVQUAL gap at or above, -6..6. */
    'servqual-gap': z.number().min(-6).max(6).optional(),
    /** Composite service-quality index at or above, 0..100. */
    index: z.number().min(0).max(100).optional(),
    /** Case first-response time, 90th percentile, at or below, seconds. */
    'frt-p90': z.number().min(0).max(100_000_000).optional(),
    /** Case turnaround time, 90th percentile, at or below, seconds. */
    'tat-p90': z.number().min(0).max(100_000_000).optional(),
    /** First-contact resolution at or above, percent. */
    fcr: z.number().min(0).max(100).optional(),
    /** SLA stages met at or above, percent. */
    'sla-attainment': z.number().min(0).max(100).optional(),
    /** Reopened share of resolved cases at or below, percent. */
    'reopen-rate': z.number().min(0).max(100).optional(),
    /** Escalated share of cases at or below, percent. */
    'escalation-rate': z.number().min(0).max(100).optional(),
    /** Repeat issues' share of cases at or below, percent. */
    'repeat-rate': z.number().min(0).max(100).optional(),
    /** Handling CSAT mean at or above, 1..5. */
    'resolution-csat': z.number().min(1).max(5).optional(),
    /** Fewest responses in a window before an alert may fire. */
    minN: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();

/**
 * Targets a touchpoint is held to, keyed by METRIC_KEYS; each is optional, and alerts use only those set.
 * The former camelCase keys are refused with a message naming the new key, not dropped.
 */
export const touchpointTargetSchema = z.preprocess((value, ctx) => {
  if (typeof value === 'object' && value !== null) {
    for (const [legacy, key] of Object.entries(LEGACY_TARGET_KEYS)) {
      if (Object.hasOwn(value, legacy)) ctx.addIssue({ code: 'custom', path: [legacy], message: `target "${legacy}" is now "${key}"` });
    }
  }
  return value;
}, targetShape);
export type TouchpointTarget = z.infer<typeof touchpointTargetSchema>;

export const touchpointInputSchema = z
  .object({
    key: slugSchema,
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).optional(),
    owners: z.array(emailSchema).max(50).optional(),
    target: touchpointTargetSchema.optional(),
  })
  .strict();
export type TouchpointInput = z.infer<typeof touchpointInputSchema>;

/** `reason`: why the targets change, kept with the new version of the touchpoint's standard. */
export const touchpointUpdateSchema = touchpointInputSchema
  .omit({ key: true })
  .partial()
  .extend({ reason: z.string().trim().min(1).max(2000).optional() })
  .strict()
  .refine((update) => update.reason === undefined || update.target !== undefined, { message: 'a reason goes with changed targets', path: ['reason'] });
export type TouchpointUpdate = z.infer<typeof touchpointUpdateSchema>;

export const touchpointSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().optional(),
  owners: z.array(z.string()),
  target: touchpointTargetSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Touchpoint = z.infer<typeof touchpointSchema>;

export const touchpointListSchema = z.object({ touchpoints: z.array(touchpointSchema) });

export const touchpointKeyParamsSchema = z.object({ key: slugSchema });

export const channelsSchema = z.object({ channels: z.array(slugSchema).min(1).max(50) });
export type Channels = z.infer<typeof channelsSchema>;
