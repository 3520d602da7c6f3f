/**
 * Every body and query the improvement-action API accepts, and the action as it replies. An action is
 * one plan-do-check-act cycle on one touchpoint (optionally one channel and segment), aimed at one or
 * more metrics the metrics API serves.
 */
import { z } from 'zod';
import { emailSchema } from '../auth/auth.schema';
import { caseRefSchema } from '../cases/case-api.schema';
import { objectIdSchema } from '../http/object-id.schema';
import { plausibleDaySchema } from '../http/date-range.schema';
import { intervalSchema } from '../scoring/metrics.schema';
import { targetMetricSchema } from '../scoring/target.schema';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { ACTION_MOVES, ACTION_PHASES } from './action-phases';
import { DEFAULT_WINDOW_DAYS } from './action-windows';

const text = (max: number) => z.string().trim().min(1).max(max);
const unique = <T>(items: T[]) => new Set(items.map((item) => JSON.stringify(item))).size === items.length;

export const actionPhaseSchema = z.enum(ACTION_PHASES);
export const actionMoveSchema = z.enum(ACTION_MOVES);

/** What shows the problem: cases by number, responses by id, and comments as a response's answer to one question. */
export const actionEvidenceSchema = z
  .object({
    cases: z.array(caseRefSchema).max(100).default([]),
    responses: z.array(objectIdSchema).max(100).default([]),
    comments: z.array(z.object({ response: objectIdSchema, question: z.string().min(1).max(200) }).strict()).max(100).default([]),
  })
  .strict()
  .refine((e) => unique(e.cases) && unique(e.responses) && unique(e.comments), { message: 'must not name the same evidence twice' });

export const actionPlanSchema = z
  .object({
    problem: text(2000),
    /** A root-cause category key (the taxonomy cases use); null while unknown. */
    rootCause: slugSchema.nullable().default(null),
    evidence: actionEvidenceSchema.prefault({}),
    owner: emailSchema,
    dueOn: plausibleDaySchema,
    expectedEffect: z.string().trim().max(1000).default(''),
  })
  .strict();

const windowDays = z.number().int().min(7).max(365);
export const actionWindowsInputSchema = z
  .object({ baselineDays: windowDays.default(DEFAULT_WINDOW_DAYS), checkDays: windowDays.default(DEFAULT_WINDOW_DAYS) })
  .strict();

export const ACTION_TASK_STATUSES = ['todo', 'doing', 'done'] as const;
export const actionTaskInputSchema = z
  .object({
    title: text(200),
    owner: emailSchema,
    dueOn: plausibleDaySchema,
    status: z.enum(ACTION_TASK_STATUSES).default('todo'),
    notes: z.string().trim().max(2000).default(''),
  })
  .strict();
export type ActionTaskInput = z.infer<typeof actionTaskInputSchema>;
export const actionTaskUpdateSchema = z
  .object({
    title: text(200).optional(),
    owner: emailSchema.optional(),
    dueOn: plausibleDaySchema.optional(),
    status: z.enum(ACTION_TASK_STATUSES).optional(),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((update) => Object.keys(update).length > 0, { message: 'name at least one field to change' });
export type ActionTaskUpdate = z.infer<typeof actionTaskUpdateSchema>;

const metricsSchema = z.array(targetMetricSchema).min(1).max(10).refine(unique, { message: 'must not name a metric twice' });

export const actionInputSchema = z
  .object({
    title: text(200),
    touchpoint: slugSchema,
    channel: slugSchema.nullable().default(null),
    segment: slugSchema.nullable().default(null),
    metrics: metricsSchema,
    plan: actionPlanSchema,
    windows: actionWindowsInputSchema.prefault({}),
    tasks: z.array(actionTaskInputSchema).max(50).default([]),
  })
  .strict();
export type ActionInput = z.infer<typeof actionInputSchema>;

/** Fields staff may change after creation; the touchpoint stays (another touchpoint is another action). */
export const actionUpdateSchema = z
  .object({
    title: text(200).optional(),
    metrics: metricsSchema.optional(),
    plan: actionPlanSchema.partial().strict().optional(),
    windows: actionWindowsInputSchema.partial().strict().optional(),
  })
  .strict()
  .refine((update) => Object.keys(update).length > 0, { message: 'name at least one field to change' });
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;

/**
 * A move to the next phase. `on` dates a start or completion that happened earlier (recorded after the
 * fact; never in the future); `note` says why (the adopt / iterate decision's reason).
 */
export const actionTransitionSchema = z.object({ move: actionMoveSchema, on: plausibleDaySchema.optional(), note: z.string().trim().max(2000).optional() }).strict();
export type ActionTransitionInput = z.infer<typeof actionTransitionSchema>;

export const actionListQuerySchema = z
  .object({ touchpoint: slugSchema.optional(), phase: actionPhaseSchema.optional() })
  .strict();
export type ActionListQuery = z.infer<typeof actionListQuerySchema>;

export const actionParamsSchema = z.object({ id: objectIdSchema }).strict();
/** Query of an action's before/after trend: one of its target metrics. */
export const actionTrendQuerySchema = z.object({ metric: targetMetricSchema }).strict();
export const actionTaskParamsSchema = z.object({ id: objectIdSchema, taskId: objectIdSchema }).strict();

export const ACTION_VERDICTS = ['improved', 'worse', 'no-change', 'too-few', 'untestable'] as const;
export const actionVerdictSchema = z.enum(ACTION_VERDICTS);
export type ActionVerdict = z.infer<typeof actionVerdictSchema>;

/** One target metric's before/after; `effect` and `ci95` are check − baseline in the metric's units. */
export const metricCheckSchema = z.object({
  metric: targetMetricSchema,
  n: z.object({ baseline: z.number().int().min(0), check: z.number().int().min(0) }),
  values: z.object({ baseline: z.number().nullable(), check: z.number().nullable() }),
  effect: z.number().nullable(),
  ci95: intervalSchema.nullable(),
  test: z.enum(['welch-t', 'two-proportion-z', 'nps-difference-z']).nullable(),
  pValue: z.number().nullable(),
  verdict: actionVerdictSchema,
});
export type MetricCheck = z.infer<typeof metricCheckSchema>;

const dayRangeSchema = z.object({ from: z.string(), to: z.string() });

export const actionCheckSchema = z.object({
  ranAt: z.string(),
  baseline: dayRangeSchema,
  check: dayRangeSchema,
  metrics: z.array(metricCheckSchema),
});
export type ActionCheck = z.infer<typeof actionCheckSchema>;

export const actionHistoryEntrySchema = z.object({
  at: z.string(),
  by: z.string().nullable(),
  kind: z.enum(['created', 'updated', 'moved', 'task-added', 'task-updated', 'checked']),
  data: z.record(z.string(), z.unknown()),
});

export const actionTaskSchema = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.string(),
  dueOn: z.string(),
  status: z.enum(ACTION_TASK_STATUSES),
  notes: z.string(),
});

export const actionSchema = z.object({
  id: z.string(),
  title: z.string(),
  touchpoint: z.string(),
  channel: z.string().nullable(),
  segment: z.string().nullable(),
  metrics: z.array(targetMetricSchema),
  phase: actionPhaseSchema,
  allowedMoves: z.array(actionMoveSchema),
  plan: z.object({
    problem: z.string(),
    rootCause: z.string().nullable(),
    evidence: z.object({ cases: z.array(z.string()), responses: z.array(z.string()), comments: z.array(z.object({ response: z.string(), question: z.string() })) }),
    owner: z.string(),
    dueOn: z.string(),
    expectedEffect: z.string(),
  }),
  windows: z.object({ baselineDays: z.number().int(), checkDays: z.number().int() }),
  /** The two windows once the action has started and been completed. */
  checkWindows: z.object({ baseline: dayRangeSchema, check: dayRangeSchema, closesOn: z.string() }).nullable(),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  tasks: z.array(actionTaskSchema),
  check: actionCheckSchema.nullable(),
  /** `standardVersion`: the version of the touchpoint's standard an adoption made. */
  decision: z.object({ kind: z.enum(['adopt', 'iterate']), at: z.string(), by: z.string().nullable(), note: z.string(), standardVersion: z.number().int().optional() }).nullable(),
  previousActionId: z.string().nullable(),
  nextActionId: z.string().nullable(),
  history: z.array(actionHistoryEntrySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Action = z.infer<typeof actionSchema>;
export const actionListSchema = z.object({ actions: z.array(actionSchema.omit({ history: true })) });
