import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../harness/platform';

// Issue 13: designer regex validators (ReDoS) and deeply nested definition JSON (stack overflow → 500).
let tp: TestPlatform;
let admin: string;

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tp.login();
});
afterAll(async () => {
  await tp?.stop();
});

type Problem = { invalid_params?: { name: string; reason: string }[] };

describe('survey definitions at save', () => {
  it('refuses an unsafe regex validator with a 400 naming the question', async () => {
    const definition = { pages: [{ name: 'p', elements: [{ type: 'text', name: 'order_code', validators: [{ type: 'regex', regex: '^(a+)+$' }] }] }] };
    const reply = await tp.request('/api/surveys', { cookie: admin, body: { title: 'Orders', definition } });
    expect(reply.status, reply.text).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const params = (reply.body as Problem).invalid_params ?? [];
    expect(params).toContainEqual({ name: 'body.definition.pages.0.elements.0.validators.0.regex', reason: expect.stringMatching(/^Question "order_code": .*exponential/) });
  });

  it.each([150, 3_000, 40_000])('refuses JSON nested %i deep anywhere in the definition with a 400, not a 500 or a stored document', async (depth) => {
    // Built as text: the nesting is the point. 3000 used to overflow the stack (500); 150 was stored.
    const deep = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
    const rawBody = `{"title":"Deep","definition":{"pages":[{"name":"p","elements":[{"type":"text","name":"q","extra":${deep}}]}]}}`;
    const reply = await tp.request('/api/surveys', { cookie: admin, rawBody });
    expect(reply.status, reply.text).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((reply.body as Problem).invalid_params).toContainEqual({ name: 'body.definition', reason: expect.stringMatching(/nested at most 64 levels/) });
  });
});
