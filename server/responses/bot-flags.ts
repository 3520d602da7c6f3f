import type { ResponseFlag } from '@shared/responses/response-api.schema';

/**
 * Signs that a submission came from a bot: the hidden honeypot field was filled in, or the survey was
 * answered faster than a person reads it. Such responses are stored with these flags and left out of
 * scores, never dropped, so a false alarm loses nothing.
 */
export function botFlags(submission: { honeypot?: string | undefined; elapsedMs: number }, minFillMs: number): ResponseFlag[] {
  const flags: ResponseFlag[] = [];
  if (submission.honeypot !== undefined && submission.honeypot.trim() !== '') flags.push('honeypot');
  if (submission.elapsedMs < minFillMs) flags.push('too-fast');
  return flags;
}
