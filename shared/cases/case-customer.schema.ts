/**
 * The customer's side of a case: what an agent sends the customer, what the customer answers through the
 * signed link in the case emails (no login), and what that link's page shows.
 */
import { z } from 'zod';
import { caseRefSchema } from './case-api.schema';

/** `POST /api/cases/:ref/messages`: a message to the customer (emailed), unlike an internal note. */
export const caseMessageSchema = z.object({ text: z.string().trim().min(1).max(5000) }).strict();
export type CaseMessage = z.infer<typeof caseMessageSchema>;


/** `POST /api/public/cases/:token/replies`: the customer's answer to the agent. */
export const customerReplySchema = z.object({ text: z.string().trim().min(1).max(5000) }).strict();
export type CustomerReply = z.infer<typeof customerReplySchema>;

/** "Was this resolved?" and a CSAT 1-5 on how the case was handled, with an optional comment. */
export const resolutionFeedbackSchema = z
  .object({
    resolved: z.boolean(),
    csat: z.number().int().min(1).max(5),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export type ResolutionFeedback = z.infer<typeof resolutionFeedbackSchema>;

/** One message of the conversation the customer sees: internal notes never appear here. */
export const customerMessageViewSchema = z.object({
  at: z.string(),
  from: z.enum(['agent', 'customer']),
  text: z.string(),
});

/** What the signed link's page shows. */
export const customerCaseViewSchema = z.object({
  ref: caseRefSchema,
  summary: z.string(),
  /** Whether the case is still being worked on (replies are taken while it is). */
  open: z.boolean(),
  /** Whether the page asks "was this resolved?" (a resolution this link was sent for, not yet answered). */
  feedbackAsked: z.boolean(),
  /** The answer already given for this resolution, if any. */
  feedbackGiven: z.boolean(),
  messages: z.array(customerMessageViewSchema),
});
export type CustomerCaseView = z.infer<typeof customerCaseViewSchema>;

/**
 * A case link's token in the path; only its length is checked here, as a token that is not one this
 * server signed is a 403 (not a 400), whatever its form.
 */
export const caseLinkParamsSchema = z.object({ token: z.string().min(1).max(100) }).strict();
