/**
 * Plain kiosk values the respondent page needs before zod is loaded (no zod here).
 * The kiosk link carries its device credential in the URL fragment (`#kiosk=...`): a fragment is never
 * sent to a server, so it stays out of access logs and Referer headers; the page sends it in this header.
 */
export const KIOSK_HEADER = 'x-kiosk-credential';
export const KIOSK_FRAGMENT_KEY = 'kiosk';
/** `issueKioskCredential` makes 32 random bytes, base64url. */
export const KIOSK_CREDENTIAL_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const KIOSK_PROBLEM_CODES = { unknown: 'kiosk-unknown', revoked: 'kiosk-revoked', otherSurvey: 'kiosk-other-survey' } as const;
