import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseList } from '@shared/responses/response-list.schema';
import { responseListSchema } from '@shared/responses/response-list.schema';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey, validSubmission } from './responses-fixtures';

let tp: TestPlatform;
let admin: string;
let analyst: string;
let designer: string;
let survey: { id: string; slug: string; version: number };
const ids: Record<string, string> = {};

beforeAll(async () => {
  tp = await startTestPlatform({ RESPOND_RATE_PER_IP: '100000' });
  admin = await tp.login();
  for (const role of ['analyst', 'designer'] as const) {
    const email = `${role}@example.test`;
    expect((await tp.request('/api/users', { cookie: admin, body: { email, name: role, role, password: 'long-enough-password' } })).status).toBe(201);
  }
  analyst = await tp.login('analyst@example.test', 'long-enough-password');
  designer = await tp.login('designer@example.test', 'long-enough-password');
  survey = await publishSurvey(tp, admin);
  for (const key of ['branch', 'call-centre']) {
    expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key, name: key } })).status).toBe(201);
  }
  const rows: [string, string, string, number][] = [
    ['a', 'branch', 'on-site', 2],
    ['b', 'branch', 'phone', 9],
    ['c', 'call-centre', 'phone', 6],
    ['d', 'call-centre', 'online', 10],
    ['e', 'branch', 'on-site', 0],
  ];
  for (const [name, touchpoint, channel, recommend] of rows) {
    const answers = { satisfaction: 3, recommend };
    const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, {
      body: validSubmission(survey.version, { answers, touchpoint, channel }),
      csrf: false,
    });
    expect(reply.status).toBe(201);
    ids[name] = (reply.body as { id: string }).id;
    // Distinct submission times keep the expected order unambiguous.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
});
afterAll(async () => {
  await tp?.stop();
});

async function list(query: string, cookie = analyst): Promise<ResponseList> {
  const reply = await tp.request(`/api/surveys/${survey.id}/responses${query}`, { cookie });
  expect(reply.status).toBe(200);
  return responseListSchema.parse(reply.body);
}
const names = (page: ResponseList) => page.responses.map((response) => Object.keys(ids).find((name) => ids[name] === response.id));

describe('staff response list', () => {
  it('lists newest first for any staff role, and not for strangers', async () => {
    expect(names(await list(''))).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect((await tp.request(`/api/surveys/${survey.id}/responses`)).status).toBe(401);
    expect((await tp.request('/api/surveys/0123456789abcdef01234567/responses', { cookie: analyst })).status).toBe(404);
  });

  it('filters by touchpoint, channel and metric range', async () => {
    expect(names(await list('?touchpoint=branch'))).toEqual(['e', 'b', 'a']);
    expect(names(await list('?channel=phone'))).toEqual(['c', 'b']);
    expect(names(await list('?touchpoint=branch&channel=on-site'))).toEqual(['e', 'a']);
    // NPS detractors (0-6).
    expect(names(await list('?metric=nps&min=0&max=6'))).toEqual(['e', 'c', 'a']);
    expect(names(await list('?metric=nps&min=9'))).toEqual(['d', 'b']);
    expect(names(await list('?metric=ces'))).toEqual([]);
  });

  it('filters by date', async () => {
    const all = await list('');
    const cAt = all.responses.find((response) => response.id === ids.c)!.submittedAt;
    expect(names(await list(`?from=${encodeURIComponent(cAt)}`))).toEqual(['e', 'd', 'c']);
    expect(names(await list(`?to=${encodeURIComponent(cAt)}`))).toEqual(['b', 'a']);
    expect(names(await list('?from=2000-01-01&to=2000-01-02'))).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const first = await list('?limit=2');
    expect(names(first)).toEqual(['e', 'd']);
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(names(second)).toEqual(['c', 'b']);
    const last = await list(`?limit=2&cursor=${second.nextCursor}&touchpoint=branch`);
    expect(names(last)).toEqual(['a']);
    expect(last.nextCursor).toBeNull();
  });

  it('refuses malformed queries naming the parameter', async () => {
    for (const [query, name] of [
      ['?limit=0', 'query.limit'],
      ['?metric=happiness', 'query.metric'],
      ['?min=3', 'query.metric'],
      ['?from=yesterday', 'query.from'],
      ['?cursor=abc', 'query.cursor'],
      ['?sort=asc', 'query'],
    ]) {
      const reply = await tp.request(`/api/surveys/${survey.id}/responses${query}`, { cookie: analyst });
      expect(reply.status, query).toBe(400);
      expect((reply.body as { invalid_params: { name: string }[] }).invalid_params.map((param) => param.name)).toContain(name);
    }
  });
});

describe('deleting a response', () => {
  it('is for admins only', async () => {
    expect((await tp.request(`/api/responses/${ids.a}`, { cookie: designer, method: 'DELETE' })).status).toBe(403);
    expect((await tp.request(`/api/responses/${ids.a}`, { cookie: admin, method: 'DELETE' })).status).toBe(204);
    expect((await tp.request(`/api/responses/${ids.a}`, { cookie: admin, method: 'DELETE' })).status).toBe(404);
    expect(names(await list(''))).toEqual(['e', 'd', 'c', 'b']);
  });
});
