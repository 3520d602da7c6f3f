import { z } from 'zod';

/**
 * When a response needs someone to reach back: any threshold met matches (NPS ≤ 6 or CSAT ≤ 2).
 * Kept on the survey document, not in its immutable versions, so it can change without a republish.
 */
export const followUpRuleSchema = z
  .object({
    enabled: z.boolean(),
    when: z
      .object({
        npsAtMost: z.number().int().min(0).max(10).optional(),
        csatAtMost: z.number().min(1).max(5).optional(),
        cesAtMost: z.number().min(1).max(7).optional(),
      })
      .strict(),
    /** Email the customer an acknowledgement (when the response came through a personal link and the contact is subscribed). */
    acknowledge: z.boolean(),
    /** Email each owner of the response's touchpoint a link to the response. */
    notifyOwners: z.boolean(),
  })
  .strict()
  .refine((rule) => !rule.enabled || Object.values(rule.when).some((v) => v !== undefined), {
    message: 'an enabled rule needs at least one threshold',
    path: ['when'],
  });
export type FollowUpRule = z.infer<typeof followUpRuleSchema>;

/** What a survey has before anyone sets a rule: nothing happens. */
export const DEFAULT_FOLLOW_UP_RULE: FollowUpRule = { enabled: false, when: {}, acknowledge: true, notifyOwners: true };

export const FOLLOW_UP_METRICS = ['nps', 'csat', 'ces'] as const;
export type FollowUpMetric = (typeof FOLLOW_UP_METRICS)[number];

/** One threshold a response met. */
export const followUpReasonSchema = z.object({ metric: z.enum(FOLLOW_UP_METRICS), value: z.number(), atMost: z.number() });
export type FollowUpReason = z.infer<typeof followUpReasonSchema>;

/**
 * `pending`: matched, the alerts are on their way; `open`: alerts handled, staff work its case;
 * `done`: its case was resolved or closed (follow-ups are worked as cases; this mirrors the case).
 */
export const FOLLOW_UP_STATUSES = ['pending', 'open', 'done'] as const;
export const followUpStatusSchema = z.enum(FOLLOW_UP_STATUSES);
export type FollowUpStatus = z.infer<typeof followUpStatusSchema>;

/** The follow-up mark on a response, as staff see it. */
export const responseFollowUpSchema = z.object({
  status: followUpStatusSchema,
  reason: z.string(),
  reasons: z.array(followUpReasonSchema),
  matchedAt: z.string(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  /** The case the match opened, `C-000123` (null until it is opened, or when it could not be: no touchpoint). */
  case: z.string().nullable(),
});
export type ResponseFollowUp = z.infer<typeof responseFollowUpSchema>;

/** `open` lists what still needs someone (pending or open), `done` what was handled, `any` every marked response. */
export const followUpFilterSchema = z.enum(['open', 'done', 'any']);
export type FollowUpFilter = z.infer<typeof followUpFilterSchema>;
