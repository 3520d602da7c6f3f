import { z } from 'zod';
import { UI_LOCALES } from '../survey-definition/survey-locale';
import { SEND_KINDS, sendKindSchema, type SendKind } from './send-log.schema';

/** Languages every email template exists in. */
export const TEMPLATE_LOCALES = UI_LOCALES;
export const templateLocaleSchema = z.enum(TEMPLATE_LOCALES);
export type TemplateLocale = z.infer<typeof templateLocaleSchema>;

/**
 * The variables a template of each kind may use (`{{name}}`). A saved template naming any other is
 * refused, so a typo shows up in the editor rather than as a blank in a customer's inbox.
 */
export const TEMPLATE_VARIABLES: Record<SendKind, readonly string[]> = {
  invitation: ['name', 'email', 'surveyTitle', 'surveyLink', 'touchpoint', 'unsubscribeLink'],
  reminder: ['name', 'email', 'surveyTitle', 'surveyLink', 'touchpoint', 'unsubscribeLink'],
  'follow-up-ack': ['name', 'email', 'surveyTitle', 'touchpoint', 'unsubscribeLink'],
  // A digest of the window's matches (FOLLOW_UP_DIGEST_MS); `responses` is the server-written list, `more` its "and N more".
  'follow-up-owner': ['touchpoint', 'count', 'responses', 'more', 'windowStart', 'windowEnd', 'listLink'],
  'target-alert': ['touchpoint', 'metric', 'value', 'target', 'period', 'status', 'dashboardLink'],
  'webhook-failing': ['endpoint', 'reason', 'webhooksLink'],
  'case-escalation': ['caseRef', 'summary', 'touchpoint', 'priority', 'stage', 'level', 'dueAt', 'caseLink'],
  // To the customer; `replyLink` is the signed page where they read and answer without signing in.
  'case-acknowledged': ['name', 'caseRef', 'summary', 'touchpoint', 'replyLink'],
  'case-answer': ['name', 'caseRef', 'summary', 'message', 'replyLink'],
  'case-resolved': ['name', 'caseRef', 'summary', 'feedbackLink'],
  // `item` is the server-written "the action" or "task …"; `status` due soon / overdue.
  'action-reminder': ['action', 'touchpoint', 'item', 'status', 'dueOn', 'actionLink'],
  // `verdicts` is the server-written list, one line per target metric.
  'action-verdict': ['action', 'touchpoint', 'baseline', 'checkWindow', 'verdicts', 'actionLink'],
  // `headline`, `movers`, `cases` and `themes` are server-written lists (one line per touchpoint, significant
  // change or theme); `actions` one line of counts.
  'service-report': ['reportName', 'period', 'headline', 'movers', 'cases', 'actions', 'themes', 'reportLink'],
};

/** Values for a template's variables; missing ones render empty (`name` falls back to a greeting). */
export type TemplateVars = {
  name?: string | null;
  surveyLink?: string;
  unsubscribeLink?: string;
  touchpoint?: string;
  surveyTitle?: string;
  responseLink?: string;
  [k: string]: string | number | null | undefined;
};
export const templateVarsSchema = z.record(z.string().max(64), z.union([z.string().max(2000), z.number(), z.null()]));

/** The three parts of one email; `{{variable}}` placeholders in each. */
export const emailTemplateBodySchema = z.object({
  subject: z.string().trim().min(1).max(300),
  html: z.string().min(1).max(100_000),
  text: z.string().min(1).max(50_000),
});
export type EmailTemplateBody = z.infer<typeof emailTemplateBodySchema>;

export const emailTemplateParamsSchema = z.object({ kind: sendKindSchema, locale: templateLocaleSchema });

/** One (kind, locale) as staff see it: what is in force, and the built-in default it replaces. */
export const emailTemplateSchema = emailTemplateBodySchema.extend({
  kind: sendKindSchema,
  locale: templateLocaleSchema,
  variables: z.array(z.string()),
  overridden: z.boolean(),
  updatedAt: z.string().nullable(),
  default: emailTemplateBodySchema,
});
export type EmailTemplate = z.infer<typeof emailTemplateSchema>;
export const emailTemplateListSchema = z.object({ templates: z.array(emailTemplateSchema) });

/** Preview: the template in force, or the parts given (an unsaved edit), rendered with sample values. */
export const emailTemplatePreviewInputSchema = z.object({
  kind: sendKindSchema,
  locale: templateLocaleSchema,
  subject: z.string().max(300).optional(),
  html: z.string().max(100_000).optional(),
  text: z.string().max(50_000).optional(),
  vars: templateVarsSchema.optional(),
});
export type EmailTemplatePreviewInput = z.infer<typeof emailTemplatePreviewInputSchema>;
export const renderedEmailSchema = z.object({ subject: z.string(), html: z.string(), text: z.string() });
export type RenderedEmail = z.infer<typeof renderedEmailSchema>;

export { SEND_KINDS };
