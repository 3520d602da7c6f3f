import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { themeListSchema, themeMetricsResponseSchema, themeRetagStatusSchema, type TouchpointThemes } from '@shared/themes/theme-api.schema';
import { ResponseModel } from '../../server/responses/response.model';
import { retagAndRebuildThemes } from '../../server/scores/theme-rebuild.service';
import { ThemeRollupModel } from '../../server/scores/theme-rollup.model';
import { topThemes } from '../../server/scores/theme-metrics.service';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey } from './responses-fixtures';

const SURVEY = {
  title: 'Branch visit',
  pages: [
    {
      name: 'visit',
      elements: [
        { type: 'rating', name: 'nps', title: 'Recommend?', metric: 'nps', rateMin: 0, rateMax: 10 },
        { type: 'rating', name: 'csat', title: 'Satisfied?', metric: 'csat', rateMin: 1, rateMax: 5 },
        { type: 'comment', name: 'why', title: 'Why?', metric: 'comment', maxLength: 500 },
      ],
    },
  ],
};

// Labelled by hand against the default themes; `wifi` is the theme the test adds later.
const COMMENTS = [
  { why: '排队等了一个小时', nps: 3, csat: 2, themes: ['waiting'] },
  { why: 'We waited in the queue for ages', nps: 5, csat: 2, themes: ['waiting'] },
  { why: '工作人员态度很热情', nps: 10, csat: 5, themes: ['attitude'] },
  { why: 'Staff were friendly and polite', nps: 9, csat: 5, themes: ['attitude'] },
  { why: '收费太贵了', nps: 4, csat: 3, themes: ['price'] },
  { why: 'The fee was too expensive', nps: 6, csat: 3, themes: ['price'] },
  { why: 'Long wait and the clerk was rude', nps: 2, csat: 1, themes: ['waiting', 'attitude'] },
  { why: '无线网连不上', nps: 7, csat: 4, themes: [], later: ['wifi'] },
  { why: 'The wifi kept dropping', nps: 8, csat: 4, themes: [], later: ['wifi'] },
  { nps: 10, csat: 5, themes: [] }, // no comment: not counted among the commented
];

let tp: TestPlatform;
let admin: string;
let survey: { id: string; slug: string; version: number };
const today = new Date().toISOString().slice(0, 10);

/** NPS and CSAT mean of the labelled responses mentioning `theme`, computed from the answers. */
function expected(theme: string, labels: (c: (typeof COMMENTS)[number]) => string[]) {
  const mentioning = COMMENTS.filter((c) => labels(c).includes(theme));
  const promoters = mentioning.filter((c) => c.nps >= 9).length;
  const detractors = mentioning.filter((c) => c.nps <= 6).length;
  return {
    n: mentioning.length,
    nps: (100 * (promoters - detractors)) / mentioning.length,
    csat: mentioning.reduce((sum, c) => sum + c.csat, 0) / mentioning.length,
  };
}

async function themeMetrics(query = ''): Promise<TouchpointThemes | undefined> {
  const reply = await tp.request(`/api/metrics/themes?survey=${survey.id}${query}`, { cookie: admin });
  expect(reply.status, reply.text).toBe(200);
  return themeMetricsResponseSchema.parse(reply.body).touchpoints.find((t) => t.touchpoint === 'branch');
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function themeRollupSnapshot() {
  const docs = await ThemeRollupModel.find({}, { _id: 0 }).lean();
  return new Map(docs.filter((d) => (d.stats as { responses?: number }).responses).map((d) => [`${d.series}|${d.period}|${d.theme}`, d.stats]));
}

beforeAll(async () => {
  tp = await startTestPlatform({ RESPOND_RATE_PER_IP: '100000', RESPOND_MIN_FILL_MS: '0' });
  admin = await tp.login();
  survey = await publishSurvey(tp, admin, SURVEY);
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch', name: 'Branch' } })).status).toBe(201);
  for (const { themes: _t, later: _l, ...answers } of COMMENTS) {
    const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, {
      body: { version: survey.version, submissionId: randomUUID(), answers, elapsedMs: 30_000, touchpoint: 'branch', channel: 'online' },
    });
    expect(reply.status, reply.text).toBe(201);
  }
});

afterAll(async () => {
  await tp?.stop();
});

describe('comment themes folded with responses', () => {
  it('seeds the default themes on first start', async () => {
    const list = themeListSchema.parse((await tp.request('/api/themes', { cookie: admin })).body);
    expect(list.themes.map((t) => t.key)).toEqual(expect.arrayContaining(['waiting', 'attitude', 'price', 'parking']));
    expect(list.themes.find((t) => t.key === 'waiting')?.keywords['zh-CN']).toContain('排队');
  });

  it('counts themes of Chinese and English comments with the NPS and CSAT of the responses mentioning them', async () => {
    const branch = await until(() => themeMetrics(), (b) => b?.commented === 9);
    for (const key of ['waiting', 'attitude', 'price']) {
      const want = expected(key, (c) => c.themes);
      const got = branch?.themes.find((t) => t.key === key);
      expect(got, key).toMatchObject({ n: want.n, share: want.n / 9 });
      expect(got?.nps?.score, key).toBeCloseTo(want.nps, 6);
      expect(got?.csat?.mean, key).toBeCloseTo(want.csat, 3);
    }
    expect(branch?.themes.map((t) => t.key)).toEqual(['attitude', 'waiting', 'price']); // most mentioned first, ties by key
    expect(branch?.terms.find((t) => t.term === 'wait')?.count).toBe(2); // "waited", "wait": stemmed, once per comment
    expect(branch?.terms.map((t) => t.term)).toContain('排队');
    const stored = await ResponseModel.find({ surveyId: survey.id }).lean();
    expect(stored.filter((r) => r.themes === undefined)).toHaveLength(1); // the response without a comment
    expect(stored.find((r) => (r.answers as { why?: string }).why === 'Long wait and the clerk was rude')?.themes).toEqual(['attitude', 'waiting']); // in key order
  });

  it('compares against the previous period and serves the reports helper', async () => {
    const branch = await themeMetrics(`&from=${today}&to=${today}`);
    expect(branch?.themes.find((t) => t.key === 'waiting')?.previous).toEqual({ n: 0, share: 0 });
    expect(branch?.terms.find((t) => t.term === 'wait')).toMatchObject({ count: 2, shareChange: 2 / 9 });
    const top = await topThemes({ touchpoints: ['branch'], from: today, to: today, limit: 2 });
    expect(top.map((t) => [t.key, t.n])).toEqual([['attitude', 3], ['waiting', 3]]);
    expect(top[0]?.examples).toHaveLength(2);
    expect(top[0]?.change).toBeCloseTo(3 / 9, 6);
  });

  it('refuses bad themes and bad queries with problem details', async () => {
    const bad = await tp.request('/api/themes', { cookie: admin, body: { key: 'x', name: { en: 'X', 'zh-CN': 'X' }, keywords: { en: ['  '], 'zh-CN': [] } } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const noKeywords = await tp.request('/api/themes', { cookie: admin, body: { key: 'x', name: { en: 'X', 'zh-CN': 'X' }, keywords: { en: [], 'zh-CN': [] } } });
    expect(noKeywords.status).toBe(400);
    const taken = await tp.request('/api/themes', { cookie: admin, body: { key: 'waiting', name: { en: 'W', 'zh-CN': '等' }, keywords: { en: ['wait'], 'zh-CN': [] } } });
    expect(taken.status).toBe(409);
    expect((await tp.request(`/api/metrics/themes?survey=${survey.id}&colour=red`, { cookie: admin })).status).toBe(400);
    expect((await tp.request('/api/themes/nope', { method: 'PUT', cookie: admin, body: { name: { en: 'N', 'zh-CN': 'N' }, keywords: { en: ['n'], 'zh-CN': [] } } })).status).toBe(404);
  });

  it('re-tags old comments after a theme is added or edited, and the theme rollups equal a rebuild', async () => {
    const created = await tp.request('/api/themes', { cookie: admin, body: { key: 'wifi', name: { en: 'Wi-Fi', 'zh-CN': '无线网络' }, keywords: { en: ['wifi'], 'zh-CN': ['无线网'] } } });
    expect(created.status, created.text).toBe(201);
    const edited = await tp.request('/api/themes/price', { method: 'PUT', cookie: admin, body: { name: { en: 'Price', 'zh-CN': '价格' }, keywords: { en: ['expensive'], 'zh-CN': [] } } });
    expect(edited.status, edited.text).toBe(200);
    const status = await until(
      async () => themeRetagStatusSchema.parse((await tp.request('/api/themes/retag', { cookie: admin })).body),
      (s) => s.state === 'idle',
    );
    expect(status.taggedRevision).toBe(status.revision);
    const branch = await themeMetrics();
    const wifi = branch?.themes.find((t) => t.key === 'wifi');
    const want = expected('wifi', (c) => c.later ?? []);
    expect(wifi).toMatchObject({ n: 2, name: { en: 'Wi-Fi', 'zh-CN': '无线网络' } });
    expect(wifi?.nps?.score).toBeCloseTo(want.nps, 6);
    expect(branch?.themes.find((t) => t.key === 'price')?.n).toBe(1); // only "too expensive" still matches

    const before = await themeRollupSnapshot();
    const report = await retagAndRebuildThemes(tp.platform.context.redis, tp.platform.context.config.QUEUE_PREFIX);
    expect(report.retagged).toBe(0);
    expect(await themeRollupSnapshot()).toEqual(before);
  });

  it('takes a deleted response out of its themes, as a rebuild would', async () => {
    const doomed = await ResponseModel.findOne({ 'answers.why': '排队等了一个小时' }).lean();
    expect((await tp.request(`/api/responses/${doomed?._id.toString()}`, { method: 'DELETE', cookie: admin })).status).toBe(204);
    const branch = await themeMetrics();
    expect(branch?.commented).toBe(8);
    expect(branch?.themes.find((t) => t.key === 'waiting')?.n).toBe(2);
    const before = await themeRollupSnapshot();
    await retagAndRebuildThemes(tp.platform.context.redis, tp.platform.context.config.QUEUE_PREFIX);
    expect(await themeRollupSnapshot()).toEqual(before);
  });
});
