import { describe, expect, it } from 'vitest';
import { retryDelay, sendResponse, sendWithRetry, type SendOutcome } from './send-response';

const body = { version: 1, answers: { q: 1 }, submissionId: '0b8a5c3e-5f5c-4a8e-9b9d-2f1c1d7e6a11', elapsedMs: 5000 };
const reply = (status: number, json?: unknown, headers: Record<string, string> = {}) => async () =>
  new Response(json === undefined ? null : JSON.stringify(json), { status, headers: { 'content-type': 'application/json', ...headers } });
const problem = (status: number, extra: object = {}) => ({ type: 'x', title: 't', status, ...extra });

describe('sendResponse', () => {
  it('posts the body to the survey and reads the stored id', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const outcome = await sendResponse('a b', body, async (url, init) => {
      seen.push({ url, init });
      return new Response(JSON.stringify({ id: 'r1' }), { status: 201 });
    });
    expect(outcome).toEqual({ kind: 'stored', id: 'r1' });
    expect(seen[0]?.url).toBe('/api/public/surveys/a%20b/responses');
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual(body);
    expect(await sendResponse('s', body, reply(200, { id: 'r1' }))).toEqual({ kind: 'stored', id: 'r1' });
  });

  it('tells final refusals apart', async () => {
    expect(await sendResponse('s', body, reply(409, problem(409, { code: 'token-used' })))).toEqual({ kind: 'token-used' });
    expect(await sendResponse('s', body, reply(410, problem(410, { code: 'token-expired' })))).toEqual({ kind: 'token-expired' });
    expect(await sendResponse('s', body, reply(404, problem(404)))).toEqual({ kind: 'closed' });
    const invalidParams = [{ name: 'body.answers.q', reason: 'must be one of 1–5' }];
    expect(await sendResponse('s', body, reply(400, problem(400, { invalid_params: invalidParams })))).toEqual({ kind: 'invalid', invalidParams });
  });

  it('retries what may pass later: no connection, server faults, rate limits, unreadable replies', async () => {
    expect(await sendResponse('s', body, () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ kind: 'retry', reason: 'Failed to fetch' });
    expect(await sendResponse('s', body, reply(502))).toMatchObject({ kind: 'retry', reason: 'HTTP 502' });
    expect(await sendResponse('s', body, reply(429, problem(429), { 'retry-after': '7' }))).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    expect(await sendResponse('s', body, reply(200, '<html>'))).toMatchObject({ kind: 'retry' });
    // A 404 from something other than the API (no problem body) is not taken as "survey closed".
    expect(await sendResponse('s', body, reply(404))).toMatchObject({ kind: 'retry' });
  });
});

describe('sendWithRetry', () => {
  it('backs off exponentially with jitter up to 30 s, honouring Retry-After', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(n, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(retryDelay(1, () => 0)).toBe(500);
    expect(retryDelay(1, () => 0, 7000)).toBe(7000);
  });

  it('sends the same attempt again until a final outcome, reporting each failure', async () => {
    const outcomes: SendOutcome[] = [
      { kind: 'retry', reason: 'offline' },
      { kind: 'retry', reason: 'HTTP 503' },
      { kind: 'stored', id: 'r9' },
    ];
    const waits: number[] = [];
    const reported: string[] = [];
    const result = await sendWithRetry(async () => outcomes.shift()!, {
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
      onRetrying: (failed, reason) => reported.push(`${failed}:${reason}`),
    });
    expect(result).toEqual({ kind: 'stored', id: 'r9' });
    expect(waits).toEqual([750, 1500]);
    expect(reported).toEqual(['1:offline', '2:HTTP 503']);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const attempt = sendWithRetry(async () => ({ kind: 'retry', reason: 'offline' }), {
      signal: controller.signal,
      sleep: async () => controller.abort(new Error('left the page')),
    });
    await expect(attempt).rejects.toThrow('left the page');
  });
});
