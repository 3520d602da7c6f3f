import { z } from 'zod';

// The reply the respondent page reads, apart from the request schema; the page loads it only to read a reply.
// Its constants (honeypot field, problem codes) live only in response-constants.ts, which has no zod.

/** `201` for a new response, `200` when the submissionId was seen before: either way the response's id. */
export const submitResponseReplySchema = z.object({ id: z.string().min(1) });
export type SubmitResponseReply = z.infer<typeof submitResponseReplySchema>;
