import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../harness/platform';

let tp: TestPlatform;
let cookie: string;
beforeAll(async () => {
  tp = await startTestPlatform({ JSON_BODY_LIMIT: '1kb' });
  cookie = await tp.login();
});
afterAll(async () => {
  await tp?.stop();
});

describe('problem+json errors', () => {
  it('answers an unknown API route with 404 problem+json', async () => {
    const response = await tp.request('/api/no-such-thing', { cookie });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, title: 'Not found', code: 'not-found', type: expect.stringMatching(/not-found$/) });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await tp.request('/api/auth/login', { rawBody: '{"email": "a@b.c", ' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'malformed-json' });
  });

  it('answers an oversize body with 413', async () => {
    const response = await tp.request('/api/auth/login', { body: { email: 'a@b.co', password: 'x'.repeat(2000) } });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'body-too-large' });
  });

  it('carries the request id into the problem', async () => {
    const response = await tp.request('/api/no-such-thing', { cookie, headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    expect(response.body).toMatchObject({ instance: 'trace-123' });
  });

  it('sets security headers', async () => {
    const response = await tp.request('/api/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('GET /api/health', () => {
  it('tells anyone the overall status, and signed-in staff each service', async () => {
    const anonymous = await tp.request('/api/health');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ status: 'ok' });
    const response = await tp.request('/api/health', { cookie: await tp.login() });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      services: { database: { status: 'up' }, redis: { status: 'up' }, mail: { status: 'up' } },
    });
  });

  it('reuses its mail check (no SMTP connection per poll), and reports mail down on a fresh check without failing the API', async () => {
    const cookie = await tp.login();
    await tp.mailbox.stop();
    // Within HEALTH_MAIL_PROBE_MS the last mail check stands: a poll does not reach the SMTP server.
    expect((await tp.request('/api/health')).body).toEqual({ status: 'ok' });
    const response = await tp.request('/api/health?deep=true', { cookie });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'degraded', services: { mail: { status: 'down' }, database: { status: 'up' } } });
    // An anonymous caller cannot force a fresh check, and sees the new state without the details.
    expect((await tp.request('/api/health?deep=true')).body).toEqual({ status: 'degraded' });
  });
});
