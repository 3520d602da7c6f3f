/**
 * SLA policies: a target per stage for each priority and customer segment, a warning threshold and an
 * escalation ladder. Targets are business seconds counted from the start of the case's SLA cycle
 * (seconds, not minutes, so integration tests can run whole policies in seconds). The calendar they
 * are counted in belongs to the team (business-calendar.schema.ts), not to the policy.
 */
import { z } from 'zod';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { MAX_HORIZON_MS } from './business-time';

export const SLA_STAGES = ['acknowledge', 'investigate', 'plan', 'answer', 'resolve'] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

/** Who an overdue case goes to, in the order the ladder climbs. */
export const ESCALATION_LEVELS = ['assignee', 'team-lead', 'touchpoint-owner', 'admin'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** Matches any priority or segment in a target rule. */
export const ANY = '*';

const MAX_SECONDS = MAX_HORIZON_MS / 1000;
const secondsSchema = z.number().int().min(1).max(MAX_SECONDS);

/** The milestones in the order a case reaches them; `answer` is not among them (it is an event). */
const MILESTONE_ORDER = ['acknowledge', 'investigate', 'plan', 'resolve'] as const;

export const stageTargetsSchema = z
  .object(Object.fromEntries(SLA_STAGES.map((stage) => [stage, secondsSchema])) as Record<SlaStage, typeof secondsSchema>)
  .strict()
  .refine((t) => MILESTONE_ORDER.every((stage, i) => i === 0 || t[MILESTONE_ORDER[i - 1] ?? stage] <= t[stage]), {
    message: 'milestone targets count from the same start, so they must not decrease: acknowledge ≤ investigate ≤ plan ≤ resolve',
  })
  .refine((t) => t.answer <= t.resolve, { message: 'the customer is answered at the latest on resolution', path: ['answer'] });
export type StageTargets = z.infer<typeof stageTargetsSchema>;

export const slaTargetRuleSchema = z
  .object({
    priority: z.union([z.enum(CASE_PRIORITIES), z.literal(ANY)]),
    segment: z.union([slugSchema, z.literal(ANY)]),
    targets: stageTargetsSchema,
  })
  .strict();
export type SlaTargetRule = z.infer<typeof slaTargetRuleSchema>;

/** One rung: `level` is notified `afterSeconds` of business time past the breach. */
export const escalationStepSchema = z
  .object({ level: z.enum(ESCALATION_LEVELS), afterSeconds: z.number().int().min(0).max(MAX_SECONDS) })
  .strict();
export type EscalationStep = z.infer<typeof escalationStepSchema>;

export const escalationLadderSchema = z
  .array(escalationStepSchema)
  .max(ESCALATION_LEVELS.length)
  .refine((steps) => steps.every((step, i) => i === 0 || ESCALATION_LEVELS.indexOf(steps[i - 1]?.level ?? step.level) < ESCALATION_LEVELS.indexOf(step.level)), {
    message: 'the ladder climbs: each level at most once, in the order assignee, team-lead, touchpoint-owner, admin',
  })
  .refine((steps) => steps.every((step, i) => i === 0 || (steps[i - 1]?.afterSeconds ?? 0) <= step.afterSeconds), {
    message: 'a higher rung is not notified before a lower one',
  });

export const slaPolicySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Fraction of the target at which the stage is "due soon". */
    warningRatio: z.number().gt(0).lt(1).default(0.8),
    rules: z.array(slaTargetRuleSchema).min(1).max(200),
    escalation: escalationLadderSchema.default([]),
  })
  .strict()
  .refine((p) => p.rules.some((r) => r.priority === ANY && r.segment === ANY), {
    message: 'one rule must match any priority and any segment (the fallback)',
    path: ['rules'],
  })
  .refine((p) => new Set(p.rules.map((r) => `${r.priority} ${r.segment}`)).size === p.rules.length, {
    message: 'each priority and segment pair has at most one rule',
    path: ['rules'],
  });
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

/**
 * The targets for a case: the exact priority-and-segment rule, else priority with any segment, else any
 * priority with the segment, else the fallback. Priority outranks segment because rules derive the
 * priority from the segment already.
 */
export function stageTargetsFor(policy: SlaPolicy, priority: CasePriority, segment: string): StageTargets {
  const candidates: Array<[string, string]> = [
    [priority, segment],
    [priority, ANY],
    [ANY, segment],
    [ANY, ANY],
  ];
  for (const [p, s] of candidates) {
    const rule = policy.rules.find((r) => r.priority === p && r.segment === s);
    if (rule) return rule.targets;
  }
  // The schema guarantees the fallback rule; reaching here means the policy skipped validation.
  throw new Error(`SLA policy "${policy.name}" has no fallback rule`);
}

const MINUTE = 60;
const HOUR_S = 60 * MINUTE;

/**
 * The service standard: receive within 30 min, initial investigation within 2 h, a plan within 4 h, an
 * answer within 24 h (resolution within 72 h is ours: the standard sets none). VIP and strategic
 * customers get every target halved; urgent cases a quarter.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = slaPolicySchema.parse({
  name: 'Service standard',
  warningRatio: 0.8,
  rules: [
    { priority: ANY, segment: ANY, targets: { acknowledge: 30 * MINUTE, investigate: 2 * HOUR_S, plan: 4 * HOUR_S, answer: 24 * HOUR_S, resolve: 72 * HOUR_S } },
    { priority: ANY, segment: 'vip', targets: { acknowledge: 15 * MINUTE, investigate: 1 * HOUR_S, plan: 2 * HOUR_S, answer: 12 * HOUR_S, resolve: 36 * HOUR_S } },
    { priority: ANY, segment: 'strategic', targets: { acknowledge: 15 * MINUTE, investigate: 1 * HOUR_S, plan: 2 * HOUR_S, answer: 12 * HOUR_S, resolve: 36 * HOUR_S } },
    { priority: 'urgent', segment: ANY, targets: { acknowledge: 8 * MINUTE, investigate: 30 * MINUTE, plan: 1 * HOUR_S, answer: 6 * HOUR_S, resolve: 18 * HOUR_S } },
  ],
  escalation: [
    { level: 'assignee', afterSeconds: 0 },
    { level: 'team-lead', afterSeconds: 1 * HOUR_S },
    { level: 'touchpoint-owner', afterSeconds: 4 * HOUR_S },
    { level: 'admin', afterSeconds: 24 * HOUR_S },
  ],
});
