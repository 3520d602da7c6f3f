/**
 * How a case that no agent placed (a low-score follow-up, a complaint form, a target breach) finds its
 * team and priority: admin-kept routing rules by touchpoint and channel (first match wins, else the
 * default team) and priority rules on segment, score and category (the most urgent match wins, else
 * the default priority). One document; the pure functions that apply it are in case-intake-rules.ts.
 */
import { z } from 'zod';
import { objectIdSchema } from '../http/object-id.schema';
import { FOLLOW_UP_METRICS } from '../follow-up/follow-up-rule.schema';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { ANY, CASE_PRIORITIES } from './sla-policy.schema';

const slugOrAny = z.union([z.literal(ANY), slugSchema]);

export const caseRouteRuleSchema = z.object({ touchpoint: slugOrAny, channel: slugOrAny, teamId: objectIdSchema }).strict();
export type CaseRouteRule = z.infer<typeof caseRouteRuleSchema>;

/** A score at or below `atMost` on `metric` (NPS 0–10, CSAT 1–5, CES 1–7) matches. */
export const scoreConditionSchema = z.object({ metric: z.enum(FOLLOW_UP_METRICS), atMost: z.number().min(0).max(10) }).strict();

export const casePriorityRuleSchema = z
  .object({
    /** Any of these segments matches (e.g. vip, strategic). */
    segments: z.array(slugSchema).min(1).max(50).optional(),
    score: scoreConditionSchema.optional(),
    /** Any of these categories matches. */
    categories: z.array(slugSchema).min(1).max(50).optional(),
    priority: z.enum(CASE_PRIORITIES),
  })
  .strict()
  .refine((rule) => rule.segments !== undefined || rule.score !== undefined || rule.categories !== undefined, {
    message: 'a priority rule needs at least one condition (segments, score or categories)',
  });
export type CasePriorityRule = z.infer<typeof casePriorityRuleSchema>;

export const caseIntakeRulesSchema = z
  .object({
    /** Where a case goes that no routing rule matches; null refuses such cases until an admin sets one. */
    defaultTeamId: objectIdSchema.nullable(),
    routes: z.array(caseRouteRuleSchema).max(500).default([]),
    priorities: z.array(casePriorityRuleSchema).max(200).default([]),
    defaultPriority: z.enum(CASE_PRIORITIES).default('normal'),
  })
  .strict();
export type CaseIntakeRulesInput = z.input<typeof caseIntakeRulesSchema>;
export type CaseIntakeRules = z.infer<typeof caseIntakeRulesSchema>;

/** What nobody has set yet: every case needs a default team first. */
export const EMPTY_INTAKE_RULES: CaseIntakeRules = { defaultTeamId: null, routes: [], priorities: [], defaultPriority: 'normal' };
