// Names the respondent page and the API agree on, without zod so the page can use them before it loads any schema.

/** Name of the honeypot field: hidden from people on the page, tempting to form-filling bots. */
export const HONEYPOT_FIELD = 'website';

/** Problem codes the page reacts to with its own message. */
export const RESPONSE_PROBLEM_CODES = {
  tokenUsed: 'token-used',
  tokenExpired: 'token-expired',
} as const;
