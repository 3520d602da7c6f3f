import type { Translate } from '../i18n/i18n-context';
import { ApiError } from './api-client';

/** What to tell staff about a failed call: the server's own words (and which fields it refused) when it gave any. */
export function problemMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.isNetworkError) return t('error.network');
  const fields = (error.problem.invalid_params ?? []).map((param) => `${param.name}: ${param.reason}`);
  return [error.problem.detail ?? error.problem.title, ...fields].join(' ');
}
