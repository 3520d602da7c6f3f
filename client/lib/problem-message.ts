import type { Translate } from '../i18n/i18n-context';
import { ApiError } from './api-client';
import { problemText } from './problem-text';

/** problemText, followed by the fields the server refused and why (for forms). */
export function problemMessage(error: unknown, t: Translate): string {
  const fields = error instanceof ApiError ? (error.problem.invalid_params ?? []).map((param) => `${param.name}: ${param.reason}`) : [];
  return [problemText(error, t), ...fields].join(' ');
}
