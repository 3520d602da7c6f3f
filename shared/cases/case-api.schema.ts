/**
 * Every body and query the case API accepts, and the case as it replies. Cases are addressed by their
 * readable number (C-000123): it is what staff read out on the phone, and the store is keyed by it.
 */
import { z } from 'zod';
import { objectIdSchema } from '../http/object-id.schema';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { CASE_MOVES, CASE_STATUSES } from './case-states';
import { businessCalendarSchema } from './business-calendar.schema';
import { CASE_PRIORITIES, SLA_STAGES, slaPolicySchema } from './sla-policy.schema';

/** `C-` and at least six digits; the number grows past six digits without changing form. */
export const caseRefSchema = z.string().regex(/^C-\d{6,}$/, 'must be a case number like C-000123');
export const caseRefParamsSchema = z.object({ ref: caseRefSchema }).strict();
export const idParamsSchema = z.object({ id: objectIdSchema }).strict();

/** The readable number of a case from its counter value. */
export function formatCaseRef(n: number): string {
  return `C-${String(n).padStart(6, '0')}`;
}
/** The counter value of a readable number the schema accepted. */
export function parseCaseRef(ref: string): number {
  return Number(ref.slice(2));
}

/**
 * Where a case came from: an agent logging a call or counter visit, a low score's follow-up match, the
 * public complaint form, or a touchpoint falling below its target (an internal case for its owner).
 */
export const CASE_SOURCES = ['agent', 'follow-up', 'complaint-form', 'target-breach'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** A complaint an agent logs from a phone call or a counter visit. */
export const caseCreateSchema = z
  .object({
    summary: z.string().trim().min(1).max(300),
    description: z.string().trim().max(10_000).optional(),
    contactId: objectIdSchema.optional(),
    touchpoint: slugSchema,
    channel: slugSchema,
    segment: slugSchema.default('standard'),
    category: slugSchema.optional(),
    priority: z.enum(CASE_PRIORITIES).default('normal'),
    teamId: objectIdSchema,
    assigneeId: objectIdSchema.optional(),
  })
  .strict();
export type CaseCreateInput = z.input<typeof caseCreateSchema>;
export type CaseCreate = z.infer<typeof caseCreateSchema>;

export const caseTransitionSchema = z.object({ move: z.enum(CASE_MOVES), note: z.string().trim().min(1).max(5000).optional() }).strict();
export type CaseTransition = z.infer<typeof caseTransitionSchema>;

/** null unassigns; a team change moves the case to that team's queue (and its calendar and policy). */
export const caseAssignSchema = z.object({ assigneeId: objectIdSchema.nullable(), teamId: objectIdSchema.optional() }).strict();
export type CaseAssign = z.infer<typeof caseAssignSchema>;

export const caseBulkAssignSchema = z
  .object({ refs: z.array(caseRefSchema).min(1).max(500), assigneeId: objectIdSchema.nullable(), teamId: objectIdSchema.optional() })
  .strict()
  .refine((b) => new Set(b.refs).size === b.refs.length, { message: 'each case at most once', path: ['refs'] });
export type CaseBulkAssign = z.infer<typeof caseBulkAssignSchema>;

export const caseNoteSchema = z.object({ text: z.string().trim().min(1).max(5000) }).strict();

/** A case's root cause from the taxonomy; null clears it (not known yet). */
export const caseCategorySetSchema = z.object({ category: slugSchema.nullable() }).strict();
export type CaseCategorySet = z.infer<typeof caseCategorySetSchema>;

export const CASE_VIEWS = ['all', 'mine', 'team', 'due-soon', 'breached'] as const;
export type CaseView = (typeof CASE_VIEWS)[number];

export const caseListQuerySchema = z
  .object({
    view: z.enum(CASE_VIEWS).default('all'),
    status: z.enum(CASE_STATUSES).optional(),
    teamId: objectIdSchema.optional(),
    touchpoint: slugSchema.optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
    /** A root-cause category key (cases not yet categorised have none, so they never match). */
    category: slugSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** The last case number of the previous page (pages run newest first). */
    cursor: caseRefSchema.optional(),
  })
  .strict();
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/**
 * `message` is an agent's message to the customer (emailed; a `note` never leaves the team),
 * `customer-reply` the customer's answer through the signed link, `resolution-feedback` their answer to
 * "was this resolved?" with the handling CSAT, `categorised` a change of root-cause category (`from`, `to`).
 */
export const TIMELINE_KINDS = ['opened', 'moved', 'assigned', 'categorised', 'note', 'due-soon', 'breached', 'escalated', 'message', 'customer-reply', 'resolution-feedback'] as const;

export const timelineEntrySchema = z.object({
  at: z.string(),
  /** The staff user, or null for the system (timers). */
  by: z.string().nullable(),
  kind: z.enum(TIMELINE_KINDS),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const stageClockViewSchema = z.object({
  stage: z.enum(SLA_STAGES),
  targetSeconds: z.number(),
  /** null while paused before the target (unknown until resumed). */
  dueAt: z.string().nullable(),
  warnAt: z.string().nullable(),
  breached: z.boolean(),
});

export const caseViewSchema = z.object({
  ref: caseRefSchema,
  source: z.enum(CASE_SOURCES),
  summary: z.string(),
  description: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  resumeTo: z.string().nullable(),
  allowedMoves: z.array(z.enum(CASE_MOVES)),
  contactId: z.string().nullable(),
  touchpoint: z.string(),
  channel: z.string(),
  segment: z.string(),
  category: z.string().nullable(),
  priority: z.enum(CASE_PRIORITIES),
  teamId: z.string(),
  assigneeId: z.string().nullable(),
  clockVersion: z.number(),
  paused: z.boolean(),
  clocks: z.array(stageClockViewSchema),
  timeline: z.array(timelineEntrySchema),
  openedAt: z.string(),
});
export type CaseRecordView = z.infer<typeof caseViewSchema>;

/**
 * Who the case is with, for the agent to reach them: `GET /api/cases/:ref/contact` (null when the case
 * has no contact). Only for cases the caller may see; the contact's other data stays in contacts.
 */
export const caseContactSchema = z.object({
  contact: z.object({ name: z.string().nullable(), email: z.string(), phone: z.string().nullable() }).nullable(),
});
export type CaseContact = z.infer<typeof caseContactSchema>;

export const caseListSchema = z.object({ cases: z.array(caseViewSchema.omit({ timeline: true })), nextCursor: caseRefSchema.nullable() });
export type CaseList = z.infer<typeof caseListSchema>;

export const teamInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    members: z.array(objectIdSchema).max(500).default([]),
    lead: objectIdSchema.nullable().default(null),
    calendar: businessCalendarSchema,
    slaPolicyId: objectIdSchema.nullable().default(null),
  })
  .strict();
export type TeamInput = z.input<typeof teamInputSchema>;
export const calendarBodySchema = businessCalendarSchema;
export const slaPolicyBodySchema = slaPolicySchema;
