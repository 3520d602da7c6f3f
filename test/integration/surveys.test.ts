import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyListSchema, surveySchema } from '@shared/surveys/survey-api.schema';
import { SurveyModel } from '../../server/surveys/survey.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';

let tp: TestPlatform;
let admin: string;
let designer: string;
let analyst: string;

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tp.login();
  for (const [role, email] of [
    ['designer', 'dee@example.test'],
    ['analyst', 'ana@example.test'],
  ] as const) {
    const created = await tp.request('/api/users', { cookie: admin, body: { email, name: role, role, password: 'long-enough-password' } });
    expect(created.status).toBe(201);
  }
  designer = await tp.login('dee@example.test', 'long-enough-password');
  analyst = await tp.login('ana@example.test', 'long-enough-password');
});
afterAll(async () => {
  await tp?.stop();
});

const nps = (name: string, rateMin = 0, rateMax = 10) => ({ type: 'rating', name, title: 'Recommend us?', metric: 'nps', rateMin, rateMax });
const servqual = (name: string, servqualSide: string, item = 'reliability-1') => ({
  type: 'rating',
  name,
  title: 'Promises kept',
  metric: 'servqual',
  dimension: 'reliability',
  servqual: servqualSide,
  item,
  rateMin: 1,
  rateMax: 7,
});
const kano = (name: string, side: string) => ({
  type: 'radiogroup',
  name,
  title: 'Online booking',
  metric: 'kano',
  feature: 'online-booking',
  kano: side,
  choices: ['like', 'must-be', 'neutral', 'live-with', 'dislike'],
});
const definitionOf = (...elements: unknown[]) => ({ pages: [{ name: 'p1', elements }] });

type InvalidBody = { invalid_params: { name: string; reason: string }[] };

describe('touchpoints and channels', () => {
  it('creates, lists and updates touchpoints by slug key', async () => {
    const created = await tp.request('/api/touchpoints', {
      cookie: designer,
      body: { key: 'after-sales', name: 'After-sales service', owners: ['Owner@Example.test'], target: { nps: 30, 'csat-satisfied': 85 } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'after-sales', owners: ['owner@example.test'], target: { nps: 30, 'csat-satisfied': 85 } });
    const list = await tp.request('/api/touchpoints', { cookie: analyst });
    expect((list.body as { touchpoints: { key: string }[] }).touchpoints.map((t) => t.key)).toEqual(['after-sales']);
    const patched = await tp.request('/api/touchpoints/after-sales', { cookie: designer, method: 'PATCH', body: { name: 'After-sales' } });
    expect(patched.body).toMatchObject({ name: 'After-sales', target: { nps: 30 } });
  });

  it('rejects a key that is not a slug, a duplicate key, and an analyst', async () => {
    const bad = await tp.request('/api/touchpoints', { cookie: designer, body: { key: 'After Sales', name: 'x' } });
    expect(bad.status).toBe(400);
    expect((bad.body as InvalidBody).invalid_params[0]?.name).toBe('body.key');
    expect((await tp.request('/api/touchpoints', { cookie: designer, body: { key: 'after-sales', name: 'again' } })).status).toBe(409);
    expect((await tp.request('/api/touchpoints', { cookie: analyst, body: { key: 'delivery', name: 'Delivery' } })).status).toBe(403);
  });

  it('keeps channels in settings, defaulting to phone, online, on-site and app', async () => {
    expect((await tp.request('/api/settings/channels', { cookie: analyst })).body).toEqual({ channels: ['phone', 'online', 'on-site', 'app'] });
    expect((await tp.request('/api/settings/channels', { cookie: designer, method: 'PUT', body: { channels: ['phone'] } })).status).toBe(403);
    const set = await tp.request('/api/settings/channels', { cookie: admin, method: 'PUT', body: { channels: ['phone', 'online', 'wechat'] } });
    expect(set.body).toEqual({ channels: ['phone', 'online', 'wechat'] });
    expect((await tp.request('/api/settings/channels', { cookie: admin, method: 'PUT', body: { channels: ['We Chat'] } })).status).toBe(400);
  });
});

describe('surveys', () => {
  it('lists the six templates in both languages', async () => {
    const en = await tp.request('/api/surveys/templates', { cookie: analyst });
    const keys = (en.body as { templates: { key: string }[] }).templates.map((t) => t.key).sort();
    expect(keys).toEqual(['ces', 'csat', 'follow-up', 'kano', 'nps', 'servqual']);
    const zh = await tp.request('/api/surveys/templates?locale=zh-CN', { cookie: analyst });
    const titles = (zh.body as { templates: { key: string; title: string }[] }).templates;
    expect(titles.find((t) => t.key === 'servqual')?.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('creates a draft from the SERVQUAL template with 44 questions', async () => {
    const created = await tp.request('/api/surveys', { cookie: designer, body: { title: 'Branch quality', template: 'servqual' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', slug: expect.stringMatching(/^[A-Za-z0-9_-]{8,}$/) });
    const { id } = created.body as { id: string };
    const survey = await tp.request(`/api/surveys/${id}`, { cookie: analyst });
    const body = survey.body as { definition: { pages: { elements: { metric?: string }[] }[] }; versions: unknown[] };
    const servqualQuestions = body.definition.pages.flatMap((p) => p.elements).filter((q) => q.metric === 'servqual');
    expect(servqualQuestions).toHaveLength(44);
    expect(body.versions).toEqual([]);
    // What the server sends is what the staff app's schemas accept (the client parses both replies).
    expect(surveySchema.safeParse(survey.body).error).toBeUndefined();
    const list = await tp.request('/api/surveys', { cookie: analyst });
    expect(surveyListSchema.safeParse(list.body).error).toBeUndefined();
  });

  it.each([
    ['an NPS question scaled 1-5', definitionOf(nps('nps_1', 1, 5)), /nps_1/],
    ['a perception item without its expectation twin', definitionOf(servqual('rel_p', 'perception')), /rel_p/],
    ['a Kano feature with one half', definitionOf(kano('kano_f', 'functional')), /kano_f|online-booking/],
  ])('rejects %s on save, naming the question', async (_case, definition, named) => {
    const created = await tp.request('/api/surveys', { cookie: designer, body: { title: 'Broken', definition } });
    expect(created.status).toBe(400);
    const reasons = (created.body as InvalidBody).invalid_params;
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.map((r) => r.reason).join('\n')).toMatch(named);
    expect(reasons.every((r) => r.name.startsWith('body.definition'))).toBe(true);

    const draft = await tp.request('/api/surveys', { cookie: designer, body: { title: 'Fine at first' } });
    const { id } = draft.body as { id: string };
    const updated = await tp.request(`/api/surveys/${id}`, { cookie: designer, method: 'PUT', body: { definition } });
    expect(updated.status).toBe(400);
    expect((updated.body as InvalidBody).invalid_params.map((r) => r.reason).join('\n')).toMatch(named);
  });

  it('publishes immutable versions; later draft edits do not change them', async () => {
    const created = await tp.request('/api/surveys', { cookie: designer, body: { title: 'After-sales NPS', definition: definitionOf(nps('recommend')) } });
    const { id, slug } = created.body as { id: string; slug: string };
    expect((await tp.request(`/api/public/surveys/${slug}`)).status).toBe(404);

    const first = await tp.request(`/api/surveys/${id}/publish`, { cookie: designer, method: 'POST' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ version: 1, slug, changes: { added: ['recommend'], removed: [], changed: [] } });

    const edited = definitionOf({ ...nps('recommend'), title: 'Would you recommend our after-sales service?' }, { type: 'comment', name: 'why', metric: 'comment' });
    const put = await tp.request(`/api/surveys/${id}`, { cookie: designer, method: 'PUT', body: { definition: edited } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ hasUnpublishedChanges: true, status: 'published' });

    const v1 = await tp.request(`/api/surveys/${id}/versions/1`, { cookie: analyst });
    expect(v1.body).toMatchObject({ version: 1, definition: definitionOf(nps('recommend')) });
    const publicV1 = await tp.request(`/api/public/surveys/${slug}`);
    expect(publicV1.status).toBe(200);
    expect(publicV1.body).toEqual({ slug, version: 1, definition: definitionOf(nps('recommend')) });

    const second = await tp.request(`/api/surveys/${id}/publish`, { cookie: designer, method: 'POST' });
    expect(second.body).toMatchObject({ version: 2, changes: { added: ['why'], removed: [], changed: ['recommend'] } });
    expect((await tp.request(`/api/public/surveys/${slug}`)).body).toMatchObject({ version: 2 });
    expect((await tp.request(`/api/surveys/${id}/versions/1`, { cookie: analyst })).body).toMatchObject({ definition: definitionOf(nps('recommend')) });

    const survey = await tp.request(`/api/surveys/${id}`, { cookie: analyst });
    expect(survey.body).toMatchObject({ hasUnpublishedChanges: false, versions: [{ version: 1 }, { version: 2 }] });
    expect((await tp.request(`/api/surveys/${id}/versions/3`, { cookie: analyst })).status).toBe(404);
  });

  it('refuses to publish a stored draft that breaks the contract, naming the question', async () => {
    // A draft saved before the contract grew stricter: written directly, as the API no longer accepts it.
    const created = await tp.request('/api/surveys', { cookie: designer, body: { title: 'Old draft' } });
    const { id } = created.body as { id: string };
    await SurveyModel.updateOne({ _id: id }, { $set: { definition: definitionOf(nps('old_nps', 1, 5)) } });
    const published = await tp.request(`/api/surveys/${id}/publish`, { cookie: designer, method: 'POST' });
    expect(published.status).toBe(400);
    const reasons = (published.body as InvalidBody).invalid_params;
    expect(reasons.map((r) => r.reason).join('\n')).toMatch(/old_nps/);
    expect(reasons[0]?.name).toMatch(/^definition\.pages\.0\.elements\.0/);
    expect((await tp.request(`/api/surveys/${id}`, { cookie: designer })).body).toMatchObject({ versions: [] });
  });

  it('lets an analyst read but not edit, publish or create', async () => {
    const created = await tp.request('/api/surveys', { cookie: designer, body: { title: 'CSAT', template: 'csat' } });
    const { id } = created.body as { id: string };
    expect((await tp.request(`/api/surveys/${id}`, { cookie: analyst })).status).toBe(200);
    expect((await tp.request('/api/surveys', { cookie: analyst })).status).toBe(200);
    expect((await tp.request(`/api/surveys/${id}`, { cookie: analyst, method: 'PUT', body: { title: 'Mine' } })).status).toBe(403);
    expect((await tp.request(`/api/surveys/${id}/publish`, { cookie: analyst, method: 'POST' })).status).toBe(403);
    expect((await tp.request('/api/surveys', { cookie: analyst, body: { title: 'x' } })).status).toBe(403);
  });

  it('archives a survey: its public link stops answering, edits are refused until restored', async () => {
    const created = await tp.request('/api/surveys', { cookie: designer, body: { title: 'NPS', template: 'nps' } });
    const { id, slug } = created.body as { id: string; slug: string };
    await tp.request(`/api/surveys/${id}/publish`, { cookie: designer, method: 'POST' });
    expect((await tp.request(`/api/public/surveys/${slug}`)).status).toBe(200);
    expect((await tp.request(`/api/surveys/${id}/archive`, { cookie: designer, method: 'POST' })).body).toMatchObject({ status: 'archived' });
    const gone = await tp.request(`/api/public/surveys/${slug}`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await tp.request(`/api/surveys/${id}`, { cookie: designer, method: 'PUT', body: { title: 'x' } })).status).toBe(409);
    expect((await tp.request(`/api/surveys/${id}/restore`, { cookie: designer, method: 'POST' })).body).toMatchObject({ status: 'published' });
    expect((await tp.request(`/api/public/surveys/${slug}`)).status).toBe(200);
  });

  it('answers unknown ids and malformed ids with 404 and 400', async () => {
    expect((await tp.request('/api/surveys/0123456789abcdef01234567', { cookie: analyst })).status).toBe(404);
    expect((await tp.request('/api/surveys/not-an-id', { cookie: analyst })).status).toBe(400);
    expect((await tp.request('/api/public/surveys/zz')).status).toBe(400);
    expect((await tp.request('/api/public/nothing-here')).status).toBe(404);
  });
});
