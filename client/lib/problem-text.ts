import type { Translate } from '../i18n/i18n-context';
import { ApiError, CLIENT_PROBLEM_CODES } from './api-client';

/**
 * What to tell a person about a failed call. Failures the client itself detects (no connection, a
 * reply it cannot read) are said in their language from the catalogue, never with the English title
 * the client gave the problem; a server problem is told in its own words.
 */
export function problemText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.isNetworkError) return t('error.network');
  if (error.problem.code === CLIENT_PROBLEM_CODES.invalidReply) return t('error.unexpected');
  return error.problem.detail ?? error.problem.title;
}
