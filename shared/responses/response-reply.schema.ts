import { z } from 'zod';

// The reply the respondent page reads, apart from the request schema; the page loads it only to read a reply.
// Its constants live in response-constants.ts (no zod), re-exported here for the API.
export { HONEYPOT_FIELD, RESPONSE_PROBLEM_CODES } from './response-constants';

/** `201` for a new response, `200` when the submissionId was seen before: either way the response's id. */
export const submitResponseReplySchema = z.object({ id: z.string().min(1) });
export type SubmitResponseReply = z.infer<typeof submitResponseReplySchema>;
