import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertListSchema } from '@shared/scoring/alerts.schema';
import { metricsResponseSchema, trendResponseSchema, type MetricsResponse } from '@shared/scoring/metrics.schema';
import { ContactModel } from '../../server/contacts/contact.model';
import { issueResponseToken } from '../../server/responses/response-token.service';
import { ResponseModel } from '../../server/responses/response.model';
import { requestFold } from '../../server/scores/fold-trigger';
import { anonymiseContactResponses } from '../../server/responses/response-erasure.service';
import { rebuildRollups, rollupSnapshot } from '../../server/scores/rebuild.service';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey } from './responses-fixtures';

const KANO = ['like', 'must-be', 'neutral', 'live-with', 'dislike'];
const SCORED_SURVEY = {
  title: 'Branch visit',
  pages: [
    {
      name: 'visit',
      elements: [
        { type: 'rating', name: 'csat', title: 'Satisfied?', metric: 'csat', rateMin: 1, rateMax: 5 },
        { type: 'rating', name: 'nps', title: 'Recommend?', metric: 'nps', rateMin: 0, rateMax: 10 },
        { type: 'rating', name: 'ces', title: 'Easy?', metric: 'ces', rateMin: 1, rateMax: 7 },
        { type: 'rating', name: 'e_rel', title: 'Expected', metric: 'servqual', dimension: 'reliability', servqual: 'expectation', item: 'reliability-1', rateMin: 1, rateMax: 7 },
        { type: 'rating', name: 'p_rel', title: 'Perceived', metric: 'servqual', dimension: 'reliability', servqual: 'perception', item: 'reliability-1', rateMin: 1, rateMax: 7 },
        { type: 'radiogroup', name: 'wifi_f', title: 'With wifi', metric: 'kano', feature: 'wifi', kano: 'functional', choices: KANO },
        { type: 'radiogroup', name: 'wifi_d', title: 'Without wifi', metric: 'kano', feature: 'wifi', kano: 'dysfunctional', choices: KANO },
        { type: 'comment', name: 'remarks', title: 'Anything else?', metric: 'comment', maxLength: 500 },
      ],
    },
  ],
};

// Hand-computed below: CSAT 5,4,2,3; NPS 10,9,3,7; CES 6,5,2,4; SERVQUAL E/P 6/7, 7/5, 5/5, 6/4; Kano O, A, O, I.
const FOUR = [
  { csat: 5, nps: 10, ces: 6, e_rel: 6, p_rel: 7, wifi_f: 'like', wifi_d: 'dislike', remarks: 'Great' },
  { csat: 4, nps: 9, ces: 5, e_rel: 7, p_rel: 5, wifi_f: 'like', wifi_d: 'neutral' },
  { csat: 2, nps: 3, ces: 2, e_rel: 5, p_rel: 5, wifi_f: 'like', wifi_d: 'dislike', remarks: 'Call me on 555-0101' },
  { csat: 3, nps: 7, ces: 4, e_rel: 6, p_rel: 4, wifi_f: 'neutral', wifi_d: 'neutral' },
];

let tp: TestPlatform;
let admin: string;
let survey: { id: string; slug: string; version: number };
const today = new Date().toISOString().slice(0, 10);

async function answer(answers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, {
    body: { version: survey.version, submissionId: randomUUID(), answers, elapsedMs: 30_000, touchpoint: 'branch', channel: 'online', ...extra },
  });
  expect(reply.status, reply.text).toBe(201);
  return (reply.body as { id: string }).id;
}

async function metrics(query = ''): Promise<MetricsResponse> {
  const reply = await tp.request(`/api/metrics/touchpoints?survey=${survey.id}${query}`, { cookie: admin });
  expect(reply.status, reply.text).toBe(200);
  return metricsResponseSchema.parse(reply.body);
}

/** Polls until the branch touchpoint counts `n` responses; fails after `ms`. */
async function branchWhenCounted(n: number, ms = 5000, query = '') {
  const deadline = Date.now() + ms;
  for (;;) {
    const branch = (await metrics(query)).touchpoints.find((t) => t.touchpoint === 'branch');
    if (branch?.n === n) return branch;
    if (Date.now() > deadline) throw new Error(`branch has ${branch?.n ?? 0} responses, expected ${n}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  tp = await startTestPlatform({ RESPOND_RATE_PER_IP: '100000', RESPOND_MIN_FILL_MS: '0', ALERT_CHECK_EVERY_MS: '1000' });
  admin = await tp.login();
  survey = await publishSurvey(tp, admin, SCORED_SURVEY);
  const created = await tp.request('/api/touchpoints', {
    cookie: admin,
    body: { key: 'branch', name: 'Branch', owners: ['owner@example.test'], target: { nps: 50, minN: 4 } },
  });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await tp?.stop();
});

describe('scores from responses posted through the public API', () => {
  it('reflects new responses within 5 seconds, with every metric as computed by hand', async () => {
    for (const answers of FOUR) await answer(answers);
    const branch = await branchWhenCounted(4);
    expect(branch.sample).toBe('insufficient');
    expect(branch.csat).toMatchObject({ n: 4, mean: 3.5, satisfiedPct: 50, distribution: { 1: 0, 2: 1, 3: 1, 4: 1, 5: 1 } });
    expect(branch.nps).toMatchObject({ n: 4, score: 25, promoters: 2, passives: 1, detractors: 1 });
    // SE = 100·sqrt((.5 + .25 − .25²)/4) = 41.458; 25 ± 1.96·SE
    expect(branch.nps?.ci95[0]).toBeCloseTo(25 - 1.959964 * 41.4578, 2);
    expect(branch.ces).toMatchObject({ n: 4, mean: 4.25 });
    expect(branch.servqual).toMatchObject({ n: 4, expectation: 6, perception: 5.25, gap: -0.75 });
    expect(branch.servqual?.dimensions.reliability).toEqual({ n: 4, expectation: 6, perception: 5.25, gap: -0.75 });
    expect(branch.kano?.wifi).toMatchObject({ n: 4, category: 'one-dimensional', better: 0.75, worse: -0.5 });
    expect(branch.targets).toEqual([{ metric: 'nps', target: 50, value: 25, n: 4, minN: 4, status: 'missed' }]);
  });

  it('filters by channel and reports nothing for a channel without answers', async () => {
    expect((await metrics('&channel=online')).touchpoints[0]?.n).toBe(4);
    expect((await metrics('&channel=phone')).touchpoints).toEqual([]);
    expect((await metrics(`&from=${today}&to=${today}`)).touchpoints[0]?.changes?.find((c) => c.metric === 'nps')).toMatchObject({
      significant: false, reason: 'no-data', test: 'nps-difference-z',
    });
  });

  it('plots a trend point for today', async () => {
    const reply = await tp.request(`/api/metrics/trend?survey=${survey.id}&touchpoint=branch&metric=nps&interval=day`, { cookie: admin });
    expect(reply.status).toBe(200);
    expect(trendResponseSchema.parse(reply.body).points).toEqual([expect.objectContaining({ period: today, n: 4, value: 25 })]);
  });

  it('refuses a malformed query with problem details', async () => {
    const reply = await tp.request(`/api/metrics/touchpoints?survey=nope&from=2025-02-01&to=2025-01-01`, { cookie: admin });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect((reply.body as { invalid_params: { name: string }[] }).invalid_params.map((p) => p.name)).toEqual(
      expect.arrayContaining(['query.survey']),
    );
    expect((await tp.request(`/api/metrics/touchpoints?survey=${survey.id}`)).status).toBe(401);
  });

  it('alerts the owners once for a breach and once for the recovery', async () => {
    const alerts = async () => alertListSchema.parse((await tp.request('/api/metrics/alerts?touchpoint=branch', { cookie: admin })).body).alerts;
    // Both rolling windows (7 and 30 days) see NPS 25 < 50 on n = 4 ≥ minN.
    await tp.mailbox.waitFor(2, 10_000);
    await new Promise((r) => setTimeout(r, 2500)); // two more checks: nothing new
    expect((await alerts()).map((a) => [a.kind, a.window]).sort()).toEqual([['breach', 30], ['breach', 7]]);
    expect(tp.mailbox.messages.filter((m) => m.to.includes('owner@example.test'))).toHaveLength(2);

    for (let i = 0; i < 4; i += 1) await answer({ nps: 10 }); // NPS (6 − 1)/8 = 62.5
    await tp.mailbox.waitFor(4, 10_000);
    await new Promise((r) => setTimeout(r, 2500));
    const kinds = (await alerts()).map((a) => a.kind);
    expect(kinds.filter((k) => k === 'recovery')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'breach')).toHaveLength(2);
    expect(tp.mailbox.messages).toHaveLength(4);
    expect(tp.mailbox.messages[3]?.raw.toString()).toContain('back on target');
  });
});

describe('closed periods (past days and months) are cached per process', () => {
  it('still sees a late fold into a past day, and a deletion there', async () => {
    const past = new Date(Date.now() - 40 * 86_400_000);
    const day = past.toISOString().slice(0, 10);
    const range = `&from=${day}&to=${day}`;
    expect((await metrics(range)).touchpoints).toEqual([]); // caches the empty past day
    expect((await metrics(range)).touchpoints).toEqual([]);
    const late = await ResponseModel.create({
      surveyId: survey.id, version: survey.version, submissionId: randomUUID(), answers: { nps: 0 }, touchpoint: 'branch', channel: 'online', submittedAt: past,
    });
    await requestFold(tp.platform.context);
    expect((await branchWhenCounted(1, 5000, range)).nps?.detractors).toBe(1);
    expect((await tp.request(`/api/responses/${late._id.toString()}`, { method: 'DELETE', cookie: admin })).status).toBe(204);
    expect((await metrics(range)).touchpoints).toEqual([]);
  });
});

describe('rollups stay equal to a rebuild from raw responses', () => {
  it('after folding, deleting and anonymising', async () => {
    const contact = await ContactModel.create({ email: `c-${randomUUID()}@example.test`, segment: 'vip' });
    const { token } = await issueResponseToken({ surveyId: survey.id, contactId: contact._id, segment: 'vip', expiresAt: new Date(Date.now() + 3600_000) });
    await answer({ csat: 1, nps: 0, remarks: 'my name is Sam' }, { token });
    const doomed = await answer({ csat: 5, nps: 10 });
    await branchWhenCounted(10);
    expect((await metrics('&segment=vip')).touchpoints[0]).toMatchObject({ n: 1, nps: { score: -100 } });

    const incremental = async () => {
      const before = await rollupSnapshot();
      const report = await rebuildRollups(tp.platform.context.redis, tp.platform.context.config.QUEUE_PREFIX);
      expect(report.responses).toBe(before.size > 0 ? report.responses : 0);
      expect(await rollupSnapshot()).toEqual(before);
      return before;
    };
    await incremental();

    expect((await tp.request(`/api/responses/${doomed}`, { method: 'DELETE', cookie: admin })).status).toBe(204);
    const afterDelete = await branchWhenCounted(9, 1000);
    expect(afterDelete.nps?.promoters).toBe(6);
    await incremental();

    expect(await anonymiseContactResponses(contact._id)).toBe(1);
    expect((await metrics('&segment=vip')).touchpoints).toEqual([]);
    expect((await branchWhenCounted(9, 1000)).nps?.detractors).toBe(2);
    const list = await tp.request(`/api/surveys/${survey.id}/responses?limit=100`, { cookie: admin });
    const anonymised = (list.body as { responses: { contactId: string | null; answers: Record<string, unknown> }[] }).responses.find(
      (r) => r.answers.csat === 1,
    );
    expect(anonymised).toMatchObject({ contactId: null });
    expect(anonymised?.answers.remarks).toBeUndefined();
    await incremental();
    expect(await anonymiseContactResponses(new Types.ObjectId())).toBe(0);
  });
});
