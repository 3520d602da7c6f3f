import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey, validSubmission } from './responses-fixtures';

let tp: TestPlatform;
let admin: string;

beforeAll(async () => {
  // One proxy hop is trusted, so X-Forwarded-For stands in for customers at different addresses.
  tp = await startTestPlatform({ TRUST_PROXY: '1', RESPOND_RATE_PER_IP: '3', RESPOND_RATE_PER_SURVEY: '8' });
  admin = await tp.login();
});
afterAll(async () => {
  await tp?.stop();
});

/** Limits count in fixed one-minute windows; start a test well inside one so it cannot straddle two. */
async function awayFromWindowEdge(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 50));
}

const submitFrom = (ip: string, slug: string, version: number) =>
  tp.request(`/api/public/surveys/${slug}/responses`, { body: validSubmission(version), csrf: false, headers: { 'x-forwarded-for': ip } });

describe('submission rate limits', () => {
  it('answers 429 with Retry-After once one address passes its limit per minute', async () => {
    const survey = await publishSurvey(tp, admin);
    await awayFromWindowEdge();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await submitFrom('203.0.113.7', survey.slug, survey.version)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await submitFrom('203.0.113.7', survey.slug, survey.version);
    expect(limited.headers.get('content-type')).toMatch(/problem\+json/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another customer is not held up by the first.
    expect((await submitFrom('203.0.113.8', survey.slug, survey.version)).status).toBe(201);
  });

  it('limits one survey across addresses, leaving other surveys open', async () => {
    const busy = await publishSurvey(tp, admin);
    const quiet = await publishSurvey(tp, admin);
    await awayFromWindowEdge();
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await submitFrom(`198.51.100.${i}`, busy.slug, busy.version)).status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(8);
    expect(statuses.slice(8)).toEqual([429, 429]);
    expect((await submitFrom('198.51.100.200', quiet.slug, quiet.version)).status).toBe(201);
  });
});
