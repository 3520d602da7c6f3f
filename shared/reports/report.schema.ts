import { z } from 'zod';
import { emailSchema } from '../auth/auth.schema';
import { objectIdSchema } from '../http/object-id.schema';
import { actionPhaseSchema, metricCheckSchema } from '../actions/action.schema';
import { caseScoresSchema } from '../scoring/case-stats';
import { comparisonSchema, touchpointScoresSchema } from '../scoring/metrics.schema';
import { slugSchema } from '../survey-definition/metric-vocabulary';
import { UI_LOCALES } from '../survey-definition/survey-locale';
import { REPORT_CADENCES } from './report-period';

export const reportCadenceSchema = z.enum(REPORT_CADENCES);

/** Someone who receives a report, in their language. */
export const reportRecipientSchema = z.object({ email: emailSchema, locale: z.enum(UI_LOCALES) }).strict();

/**
 * What an admin keeps: which survey's touchpoints (all when `touchpoints` is empty), how often, for whom.
 * `team`, a case team, narrows the scope to the touchpoints of the cases that team received in the
 * period (within `touchpoints` when both are given): the report of one service desk.
 */
export const reportDefinitionInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    cadence: reportCadenceSchema,
    survey: objectIdSchema,
    touchpoints: z.array(slugSchema).max(200).default([]),
    team: objectIdSchema.nullable().default(null),
    recipients: z.array(reportRecipientSchema).min(1).max(100),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((input) => new Set(input.recipients.map((r) => r.email)).size === input.recipients.length, { message: 'a recipient is listed twice', path: ['recipients'] });
export type ReportDefinitionInput = z.infer<typeof reportDefinitionInputSchema>;

export const reportDefinitionSchema = z.object({
  id: objectIdSchema,
  name: z.string(),
  cadence: reportCadenceSchema,
  survey: objectIdSchema,
  touchpoints: z.array(slugSchema),
  team: objectIdSchema.nullable(),
  recipients: z.array(reportRecipientSchema),
  active: z.boolean(),
  createdBy: z.string(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ReportDefinition = z.infer<typeof reportDefinitionSchema>;
export const reportDefinitionListSchema = z.object({ definitions: z.array(reportDefinitionSchema) });

export const reportPeriodSchema = z.object({ key: z.string(), from: z.string(), to: z.string() });

/** A change against the previous period that the stated test finds significant at α = 0.05. */
export const reportMoverSchema = comparisonSchema.extend({ touchpoint: slugSchema });
export type ReportMover = z.infer<typeof reportMoverSchema>;

/** An action in a report: what it is and where it stands. */
const reportActionSchema = z.object({ id: z.string(), title: z.string(), touchpoint: slugSchema, owner: z.string(), dueOn: z.string(), phase: actionPhaseSchema });

/**
 * The sections of a report, each filled by its own provider on the server. Reports built before a
 * section had a provider lack it (the defaults), and name it in `sectionsLeftOut`.
 */
export const reportSectionsSchema = z.object({
  /** Scores per touchpoint with 95% intervals and targets: the metrics API's rows for the period. */
  headline: z.array(touchpointScoresSchema.omit({ changes: true }).extend({ name: z.string() })),
  /** Significant changes only, against the previous period of the same length. */
  movers: z.array(reportMoverSchema),
  /** Case handling per touchpoint with cases in the period: SLA attainment, FRT, TAT, FCR... as the metrics API gives them. */
  cases: z.array(z.object({ touchpoint: slugSchema, name: z.string(), cases: caseScoresSchema })).default([]),
  /**
   * Improvement actions of the touchpoints: `due`, plans due in the period or overdue and still open at
   * its end; `verdicts`, checks that ran in the period, with each metric's verdict and its test.
   */
  actions: z
    .object({
      due: z.array(reportActionSchema),
      verdicts: z.array(reportActionSchema.extend({ ranAt: z.string(), metrics: z.array(metricCheckSchema) })),
    })
    .default({ due: [], verdicts: [] }),
  /** The most mentioned comment themes, their change against the previous period and two example comments each. */
  themes: z
    .array(
      z.object({
        key: z.string(),
        name: z.object({ en: z.string(), 'zh-CN': z.string() }),
        n: z.number().int().min(0),
        share: z.number(),
        previous: z.object({ n: z.number().int().min(0), share: z.number() }),
        change: z.number(),
        examples: z.array(z.string()),
      }),
    )
    .default([]),
});
export type ReportSections = z.infer<typeof reportSectionsSchema>;
export const REPORT_SECTIONS_PLANNED = ['headline', 'movers', 'cases', 'actions', 'themes'] as const;

/** One built report (a definition's period), as stored and as the printable page reads it. */
export const serviceReportSchema = z.object({
  id: objectIdSchema,
  definitionId: objectIdSchema,
  name: z.string(),
  cadence: reportCadenceSchema,
  survey: z.object({ id: objectIdSchema, title: z.string() }),
  period: reportPeriodSchema,
  builtAt: z.iso.datetime({ offset: true }),
  sections: reportSectionsSchema,
  sectionsLeftOut: z.array(z.enum(REPORT_SECTIONS_PLANNED)),
  /** Recipients the email has gone to. */
  sentTo: z.array(z.string()),
});
export type ServiceReport = z.infer<typeof serviceReportSchema>;
export const serviceReportListSchema = z.object({ reports: z.array(serviceReportSchema.omit({ sections: true })) });

export const reportIdParamsSchema = z.object({ id: objectIdSchema }).strict();
/** `?period=` of preview and send-now: a period key of the definition's cadence; the last closed one by default. */
export const reportPeriodQuerySchema = z
  .object({ period: z.string().regex(/^\d{4}-(W\d{2}|\d{2}|Q[1-4])$/, 'must be a period key such as 2026-W47, 2026-11 or 2026-Q3').optional() })
  .strict();
