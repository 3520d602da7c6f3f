import type { CustomerCaseView, ResolutionFeedback } from '@shared/cases/case-customer.schema';
import { isPlainObject } from '@shared/survey-definition/plain-object';
import { matchPath } from '../lib/router';

export type { CustomerCaseView };

/** The token of a case page URL (`/c/:token`), or null when the path is not one. */
export function tokenFromPath(pathname: string): string | null {
  return matchPath('/c/:token', pathname)?.token ?? null;
}

/**
 * What a call came to. `refused` carries the status the page explains: 403 (forged link), 410 (expired),
 * 409 (the case moved on: answered already, or resolved), 429 (rate limit).
 */
export type CaseCall = { kind: 'ok'; view: CustomerCaseView } | { kind: 'refused'; status: number } | { kind: 'failed' };

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Enough of a look at the reply to render it, without loading zod into this small public page. */
export function looksLikeCustomerCase(value: unknown): value is CustomerCaseView {
  if (!isPlainObject(value)) return false;
  const { ref, summary, open, feedbackAsked, feedbackGiven, messages } = value;
  return (
    typeof ref === 'string' &&
    typeof summary === 'string' &&
    [open, feedbackAsked, feedbackGiven].every((b) => typeof b === 'boolean') &&
    Array.isArray(messages) &&
    messages.every((m) => isPlainObject(m) && typeof m.text === 'string' && typeof m.at === 'string' && (m.from === 'agent' || m.from === 'customer'))
  );
}

async function call(path: string, body: unknown, fetchFn: FetchLike): Promise<CaseCall> {
  let response: Response;
  try {
    response = await fetchFn(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { kind: 'failed' };
  }
  if (!response.ok) return [403, 409, 410, 429].includes(response.status) ? { kind: 'refused', status: response.status } : { kind: 'failed' };
  const json: unknown = await response.json().catch(() => null);
  return looksLikeCustomerCase(json) ? { kind: 'ok', view: json } : { kind: 'failed' };
}

const base = (token: string) => `/api/public/cases/${encodeURIComponent(token)}`;
const browserFetch: FetchLike = (input, init) => fetch(input, init);

export const loadCustomerCase = (token: string, fetchFn = browserFetch) => call(base(token), undefined, fetchFn);
export const sendCustomerReply = (token: string, text: string, fetchFn = browserFetch) => call(`${base(token)}/replies`, { text }, fetchFn);
export const sendResolutionFeedback = (token: string, feedback: ResolutionFeedback, fetchFn = browserFetch) => call(`${base(token)}/resolution-feedback`, feedback, fetchFn);
