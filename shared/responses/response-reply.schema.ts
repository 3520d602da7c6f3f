import { z } from 'zod';

// What the respondent page needs at run time, apart from the request schema so its bundle stays lean.

/** Name of the honeypot field: hidden from people on the page, tempting to form-filling bots. */
export const HONEYPOT_FIELD = 'website';

/** `201` for a new response, `200` when the submissionId was seen before: either way the response's id. */
export const submitResponseReplySchema = z.object({ id: z.string().min(1) });
export type SubmitResponseReply = z.infer<typeof submitResponseReplySchema>;

/** Problem codes the page reacts to with its own message. */
export const RESPONSE_PROBLEM_CODES = {
  tokenUsed: 'token-used',
  tokenExpired: 'token-expired',
} as const;
