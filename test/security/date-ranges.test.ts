import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../harness/platform';

// Issue 13, high: one staff GET over all of time by day used to block the event loop and then exhaust memory.
let tp: TestPlatform;
let admin: string;
const survey = '65f1c0ffee0123456789abcd';

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tp.login();
});
afterAll(async () => {
  await tp?.stop();
});

describe('date ranges are bounded at the edge', () => {
  it('answers the hostile day trend with a fast 400 problem', async () => {
    const started = performance.now();
    const reply = await tp.request(`/api/metrics/trend?survey=${survey}&metric=nps&interval=day&from=0001-01-01&to=9999-12-31`, { cookie: admin });
    const elapsed = performance.now() - started;
    expect(reply.status, reply.text).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(reply.text).toMatch(/query\.from/);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('rejects a day trend longer than two years inside plausible years', async () => {
    const reply = await tp.request(`/api/metrics/trend?survey=${survey}&metric=nps&interval=day&from=2000-01-01&to=2099-12-31`, { cookie: admin });
    expect(reply.status, reply.text).toBe(400);
    expect(reply.text).toMatch(/at most 731 days/);
  });

  it.each([
    `/api/metrics/touchpoints?survey=${survey}&from=0001-01-01&to=9999-12-31`,
    `/api/surveys/${survey}/responses?from=0001-01-01`,
    `/api/surveys/${survey}/responses.csv?from=0001-01-01&to=9999-12-31`,
  ])('rejects implausible years on %s', async (path) => {
    const reply = await tp.request(path, { cookie: admin });
    expect(reply.status, reply.text).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('still serves a month trend over every plausible year', async () => {
    const reply = await tp.request(`/api/metrics/trend?survey=${survey}&metric=nps&interval=month&from=2000-01-01&to=2099-12-31`, { cookie: admin });
    expect(reply.status, reply.text).toBe(200);
  });
});
