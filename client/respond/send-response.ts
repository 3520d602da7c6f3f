import type { InvalidParam } from '@shared/http/problem.schema';
import type { SubmitResponseInput } from '@shared/responses/response-api.schema';
import { RESPONSE_PROBLEM_CODES } from '@shared/responses/response-constants';
import { loadChecks } from './load-checks';

export type SendOutcome =
  | { kind: 'stored'; id: string }
  | { kind: 'token-used' }
  | { kind: 'token-expired' }
  | { kind: 'closed' }
  | { kind: 'invalid'; invalidParams: InvalidParam[] }
  /** Worth sending again: no connection, a server fault, or too many requests (wait `retryAfterMs`). */
  | { kind: 'retry'; reason: string; retryAfterMs?: number };

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** One attempt at `POST /api/public/surveys/:slug/responses`, its reply read with the shared schemas. */
export async function sendResponse(
  slug: string,
  body: SubmitResponseInput,
  fetchFn: FetchLike = (input, init) => fetch(input, init),
): Promise<SendOutcome> {
  // The reply schemas come with the shared checks, usually loaded long before Complete is pressed.
  const loadingChecks = loadChecks();
  let response: Response;
  try {
    response = await fetchFn(`/api/public/surveys/${encodeURIComponent(slug)}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch (error) {
    return { kind: 'retry', reason: error instanceof Error ? error.message : 'network error' };
  }
  const json: unknown = await response.json().catch(() => undefined);
  const checks = await loadingChecks;
  // Unable to read the reply (offline since the page loaded): the same submissionId makes resending safe.
  if (!checks) return { kind: 'retry', reason: 'reply schemas not loaded' };
  if (response.ok) {
    const reply = checks.submitResponseReplySchema.safeParse(json);
    // A 2xx the page cannot read (a proxy's page, say) proves nothing; the same submissionId makes resending safe.
    return reply.success ? { kind: 'stored', id: reply.data.id } : { kind: 'retry', reason: 'unexpected reply' };
  }
  const problem = checks.problemSchema.safeParse(json);
  const code = problem.success ? problem.data.code : undefined;
  if (response.status === 409 && code === RESPONSE_PROBLEM_CODES.tokenUsed) return { kind: 'token-used' };
  if (response.status === 410 && code === RESPONSE_PROBLEM_CODES.tokenExpired) return { kind: 'token-expired' };
  if (response.status === 404 && problem.success) return { kind: 'closed' };
  if ((response.status === 400 || response.status === 413) && problem.success) {
    return { kind: 'invalid', invalidParams: problem.data.invalid_params ?? [] };
  }
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return { kind: 'retry', reason: 'HTTP 429', ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}) };
  }
  return { kind: 'retry', reason: `HTTP ${response.status}` };
}

export interface RetryOptions {
  /** Called before each wait, with the number of failed attempts so far. */
  onRetrying?: (failedAttempts: number, reason: string) => void;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** Exponential backoff with jitter (half fixed, half random), never sooner than the server asked. */
export function retryDelay(failedAttempts: number, random: () => number, retryAfterMs = 0): number {
  const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, failedAttempts - 1));
  return Math.max(retryAfterMs, Math.round(ceiling / 2 + (random() * ceiling) / 2));
}

/**
 * Sends until the server gives a final answer. The body (and so its submissionId) is the same on every
 * attempt, so the server stores the response once however many attempts reach it. Rejects only when aborted.
 */
export async function sendWithRetry(send: () => Promise<SendOutcome>, options: RetryOptions = {}): Promise<Exclude<SendOutcome, { kind: 'retry' }>> {
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  for (let failed = 1; ; failed++) {
    options.signal?.throwIfAborted();
    const outcome = await send();
    if (outcome.kind !== 'retry') return outcome;
    options.onRetrying?.(failed, outcome.reason);
    await sleep(retryDelay(failed, random, outcome.retryAfterMs), options.signal);
  }
}

/** Waits, ending early when the browser says it is back online, so a returning connection is used at once. */
function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      signal?.removeEventListener('abort', aborted);
      resolve();
    };
    const aborted = () => {
      done();
      reject(signal?.reason);
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
    signal?.addEventListener('abort', aborted);
  });
}
