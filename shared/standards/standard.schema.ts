/**
 * A touchpoint's service standard: its commitments, its targets and the SLA policy its cases use, kept as
 * immutable numbered versions (who, when it takes effect, why). Target verdicts and alerts name the
 * version in force on the day they judge (see version-in-force.ts).
 */
import { z } from 'zod';
import { slaPolicySchema } from '../cases/sla-policy.schema';
import { objectIdSchema } from '../http/object-id.schema';
import { METRIC_KEYS } from '../scoring/metric-keys';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { touchpointTargetSchema } from '../touchpoints/touchpoint.schema';

/**
 * What a measurable commitment can be held to: every survey metric, plus the case metrics a commitment
 * such as "first response within 1 h" names (first-response time p90 in seconds; resolution, first-contact
 * resolution and SLA compliance in percent).
 */
/** Any metric the metrics API serves (case metrics included), so a commitment can become a target. */
export const COMMITMENT_METRICS = METRIC_KEYS;
export const commitmentMetricSchema = z.enum(COMMITMENT_METRICS);
export type CommitmentMetric = z.infer<typeof commitmentMetricSchema>;

/** `at-least`: value ≥ threshold (CSAT ≥ 85); `at-most`: value ≤ threshold (FRT p90 ≤ 3600 s). */
export const COMPARATORS = ['at-least', 'at-most'] as const;

export const commitmentMeasureSchema = z
  .object({ metric: commitmentMetricSchema, comparator: z.enum(COMPARATORS), threshold: z.number().finite() })
  .strict();
export type CommitmentMeasure = z.infer<typeof commitmentMeasureSchema>;

/** A promise to customers, by name; `measure` when a metric can check it, absent for one such as "hotline answered within 30 s". */
export const commitmentSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    text: z.string().trim().max(2000).optional(),
    measure: commitmentMeasureSchema.optional(),
  })
  .strict();
export type Commitment = z.infer<typeof commitmentSchema>;

const commitmentsSchema = z
  .array(commitmentSchema)
  .max(100)
  .refine((list) => new Set(list.map((c) => c.name.toLowerCase())).size === list.length, {
    message: 'each commitment has its own name (versions are compared by name)',
  });

/** The SLA policy a version uses, copied whole so a later edit of the policy does not rewrite the version. */
export const standardSlaPolicySchema = z.object({ id: objectIdSchema, policy: slaPolicySchema });
export type StandardSlaPolicy = z.infer<typeof standardSlaPolicySchema>;

/** How a version came to be: created with its touchpoint, migrated from targets kept before versions, a touchpoint edit, the standard editor, or an adopted improvement action. */
export const STANDARD_SOURCES = ['touchpoint', 'migration', 'touchpoint-edit', 'editor', 'action'] as const;
export type StandardSource = (typeof STANDARD_SOURCES)[number];

export const standardVersionSchema = z.object({
  touchpoint: slugSchema,
  version: z.number().int().min(1),
  commitments: z.array(commitmentSchema),
  target: touchpointTargetSchema,
  slaPolicy: standardSlaPolicySchema.nullable(),
  /** From this instant on the version judges (until the next one takes effect). */
  effectiveFrom: z.string(),
  createdAt: z.string(),
  /** Who made it: a staff email, null for a migration. */
  createdBy: z.string().nullable(),
  /** Why; required from the editor, null only for versions made by the system or a touchpoint edit without one. */
  reason: z.string().nullable(),
  source: z.enum(STANDARD_SOURCES),
  /** The improvement action whose adoption made this version (source `action`), else null. */
  actionId: objectIdSchema.nullable(),
});
export type StandardVersion = z.infer<typeof standardVersionSchema>;

export const standardVersionListSchema = z.object({ versions: z.array(standardVersionSchema) });

/**
 * A new version: what is left out is carried over from the latest version. `slaPolicyId` names an existing
 * SLA policy (copied into the version) or null for none; `effectiveFrom` defaults to now, and may be
 * neither in the future nor before the latest version's (history is not reordered).
 */
export const standardVersionInputSchema = z
  .object({
    commitments: commitmentsSchema.optional(),
    target: touchpointTargetSchema.optional(),
    slaPolicyId: objectIdSchema.nullable().optional(),
    effectiveFrom: z.iso.datetime({ offset: true }).optional(),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type StandardVersionInput = z.input<typeof standardVersionInputSchema>;
export type StandardVersionRequest = z.output<typeof standardVersionInputSchema>;

export const standardVersionParamsSchema = z.object({ key: slugSchema, version: z.coerce.number().int().min(1).max(1_000_000) });

export const standardDiffQuerySchema = z
  .object({ from: z.coerce.number().int().min(1).max(1_000_000), to: z.coerce.number().int().min(1).max(1_000_000) })
  .strict();

export const CHANGE_KINDS = ['added', 'removed', 'changed'] as const;
const changeKindSchema = z.enum(CHANGE_KINDS);
const scalarSchema = z.union([z.string(), z.number()]).nullable();

/** What differs from version `from` to version `to`; unchanged items are left out. */
export const standardDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  commitments: z.array(z.object({ name: z.string(), change: changeKindSchema, before: commitmentSchema.nullable(), after: commitmentSchema.nullable() })),
  targets: z.array(z.object({ key: z.string(), change: changeKindSchema, before: z.number().nullable(), after: z.number().nullable() })),
  /** SLA policy fields by path (`name`, `warningRatio`, `rules.<priority>/<segment>.<stage>`, `escalation.<level>`, `policy` for another policy). */
  slaPolicy: z.array(z.object({ field: z.string(), change: changeKindSchema, before: scalarSchema, after: scalarSchema })),
});
export type StandardDiff = z.infer<typeof standardDiffSchema>;

/** What the standard editor reads of `GET /api/case-admin/sla-policies` (admins only): each policy's id and name. */
export const slaPolicyOptionsSchema = z.object({ policies: z.array(z.object({ id: objectIdSchema, name: z.string() })) });
export type SlaPolicyOption = z.infer<typeof slaPolicyOptionsSchema>['policies'][number];
