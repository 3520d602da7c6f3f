import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseList } from '@shared/responses/response-list.schema';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey, validSubmission, type Problem } from './responses-fixtures';

let tp: TestPlatform;
let admin: string;
let survey: { id: string; slug: string; version: number };

beforeAll(async () => {
  // Limits are tested in their own file; here every submission must get through.
  tp = await startTestPlatform({ RESPOND_RATE_PER_IP: '100000', RESPOND_RATE_PER_SURVEY: '100000', RESPOND_MIN_FILL_MS: '3000' });
  admin = await tp.login();
  survey = await publishSurvey(tp, admin);
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch', name: 'Branch' } })).status).toBe(201);
});
afterAll(async () => {
  await tp?.stop();
});

const submit = (body: unknown, slug = survey.slug, headers: Record<string, string> = {}) =>
  tp.request(`/api/public/surveys/${slug}/responses`, { body, csrf: false, headers });

async function listAll(query = ''): Promise<ResponseList> {
  const reply = await tp.request(`/api/surveys/${survey.id}/responses${query}`, { cookie: admin });
  expect(reply.status).toBe(200);
  return reply.body as ResponseList;
}

function invalidNames(reply: { status: number; body: unknown }): string[] {
  expect(reply.status).toBe(400);
  return ((reply.body as Problem).invalid_params ?? []).map((param) => param.name);
}

describe('submitting a response', () => {
  it('stores answers with version, touchpoint, channel, locale, user agent and metrics, without signing in', async () => {
    const body = validSubmission(survey.version, { touchpoint: 'branch', channel: 'on-site', locale: 'zh-CN' });
    const reply = await submit(body, survey.slug, { 'user-agent': 'Mozilla/5.0 (Phone) Test' });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('content-type')).toMatch(/application\/json/);
    const { id } = reply.body as { id: string };
    const stored = (await listAll()).responses.find((response) => response.id === id);
    expect(stored).toMatchObject({
      surveyId: survey.id,
      version: survey.version,
      answers: body.answers as object,
      touchpoint: 'branch',
      channel: 'on-site',
      locale: 'zh-CN',
      userAgent: 'Mozilla/5.0 (Phone) Test',
      metrics: { csat: 4, nps: 9 },
      flags: [],
      contactId: null,
      elapsedMs: 45_000,
    });
    expect(Date.parse(stored!.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('returns the first id with 200 when a submissionId is sent again, storing nothing new', async () => {
    const body = validSubmission(survey.version);
    const first = await submit(body);
    expect(first.status).toBe(201);
    const before = (await listAll()).responses.length;
    const again = await Promise.all([submit(body), submit({ ...body, answers: { satisfaction: 1 } })]);
    for (const reply of again) {
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual(first.body);
    }
    expect((await listAll()).responses.length).toBe(before);
  });

  it('keeps only answers to questions that are shown, dropping empty ones', async () => {
    const reply = await submit(validSubmission(survey.version, { answers: { satisfaction: 5, remarks: '', services: [] } }));
    expect(reply.status).toBe(201);
    const stored = (await listAll()).responses.find((response) => response.id === (reply.body as { id: string }).id);
    expect(stored?.answers).toEqual({ satisfaction: 5 });
  });

  it('is 404 for an unknown survey and 400 for a malformed link', async () => {
    expect((await submit(validSubmission(1), 'no-such-survey')).status).toBe(404);
    expect((await submit(validSubmission(1), 'x')).status).toBe(400);
  });
});

describe('validation against the published version', () => {
  const answersWith = (answers: Record<string, unknown>) => validSubmission(survey.version, { answers: { satisfaction: 4, ...answers } });

  it.each([
    ['an unknown question', { colour: 'blue' }, 'body.answers.colour'],
    ['a wrong type', { recommend: 'nine' }, 'body.answers.recommend'],
    ['a rating outside its scale', { recommend: 11 }, 'body.answers.recommend'],
    ['a choice not offered', { reason: 'mortgage' }, 'body.answers.reason'],
    ['a checkbox choice not offered', { services: ['counter', 'vault'] }, 'body.answers.services'],
    ['a number question given text', { visits: 'three' }, 'body.answers.visits'],
    ['oversize text', { remarks: 'x'.repeat(201) }, 'body.answers.remarks'],
    ['a key starting with $', { $where: 'sleep(1)' }, 'body.answers.$where'],
    ['a key containing a dot', { 'satisfaction.x': 1 }, 'body.answers.satisfaction.x'],
  ])('refuses %s, naming the field', async (_case, answers, name) => {
    expect(invalidNames(await submit(answersWith(answers)))).toEqual([name]);
  });

  it('refuses a missing required answer', async () => {
    const reply = await submit(validSubmission(survey.version, { answers: { recommend: 7 } }));
    expect(invalidNames(reply)).toEqual(['body.answers.satisfaction']);
    expect((reply.body as Problem).invalid_params?.[0]?.reason).toMatch(/required/);
  });

  it('names every field at fault in one problem+json, including touchpoint and channel', async () => {
    const reply = await submit(answersWith({ recommend: -1, reason: 'x', $gt: 1 }));
    expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(invalidNames(reply).sort()).toEqual(['body.answers.$gt', 'body.answers.reason', 'body.answers.recommend']);
    const places = await submit(validSubmission(survey.version, { touchpoint: 'nowhere', channel: 'pigeon' }));
    expect(invalidNames(places).sort()).toEqual(['body.channel', 'body.touchpoint']);
  });

  it('checks the envelope: answers must be an object, submissionId a UUID, no unknown fields', async () => {
    const names = invalidNames(await submit({ ...validSubmission(survey.version), answers: [1], submissionId: 'abc', extra: 1 }));
    expect(names.sort()).toEqual(['body', 'body.answers', 'body.submissionId']);
    expect(invalidNames(await submit({ ...validSubmission(survey.version), elapsedMs: undefined }))).toEqual(['body.elapsedMs']);
  });

  it('refuses a body over the size limit with 413', async () => {
    const reply = await submit(validSubmission(survey.version, { answers: { remarks: 'x'.repeat(200_000) } }));
    expect(reply.status).toBe(413);
  });

  it('refuses an unknown version and accepts answers to an older published version after a republish', async () => {
    expect(invalidNames(await submit(validSubmission(survey.version + 5)))).toEqual(['body.version']);
    const own = await publishSurvey(tp, admin, { pages: [{ name: 'p', elements: [{ type: 'rating', name: 'score', rateMin: 1, rateMax: 5 }] }] });
    const updated = await tp.request(`/api/surveys/${own.id}`, {
      cookie: admin,
      method: 'PUT',
      body: { definition: { pages: [{ name: 'p', elements: [{ type: 'text', name: 'opinion' }] }] } },
    });
    expect(updated.status).toBe(200);
    expect((await tp.request(`/api/surveys/${own.id}/publish`, { cookie: admin, method: 'POST' })).status).toBe(201);
    // A page opened before the republish still sends its v1 answers; they are checked against v1.
    const old = await submit({ version: 1, submissionId: crypto.randomUUID(), answers: { score: 3 }, elapsedMs: 9000 }, own.slug);
    expect(old.status).toBe(201);
    const oldInNew = await submit({ version: 2, submissionId: crypto.randomUUID(), answers: { score: 3 }, elapsedMs: 9000 }, own.slug);
    expect(invalidNames(oldInNew)).toEqual(['body.answers.score']);
  });
});

describe('bot checks', () => {
  it('stores a filled honeypot and a too-fast fill flagged, not dropped', async () => {
    const honeypot = await submit(validSubmission(survey.version, { website: 'http://spam.example' }));
    const fast = await submit(validSubmission(survey.version, { elapsedMs: 900 }));
    expect([honeypot.status, fast.status]).toEqual([201, 201]);
    const flagged = await listAll('?flagged=true');
    const flagsOf = (reply: { body: unknown }) => flagged.responses.find((r) => r.id === (reply.body as { id: string }).id)?.flags;
    expect(flagsOf(honeypot)).toEqual(['honeypot']);
    expect(flagsOf(fast)).toEqual(['too-fast']);
    expect((await listAll('?flagged=false')).responses.every((response) => response.flags.length === 0)).toBe(true);
  });
});
