import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionSchema, type Action } from '@shared/actions/action.schema';
import { addDays, dayOf } from '@shared/http/date-range.schema';
import { trendResponseSchema } from '@shared/scoring/metrics.schema';
import { sweepActions } from '../../server/actions/action-sweep.service';
import { SendLogModel } from '../../server/mail/send-log.model';
import { ResponseModel } from '../../server/responses/response.model';
import { rebuildRollups } from '../../server/scores/rebuild.service';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey, type Problem } from './responses-fixtures';

const SURVEY = {
  title: 'Counter visit',
  pages: [
    {
      name: 'visit',
      elements: [
        { type: 'rating', name: 'csat', title: 'Satisfied?', metric: 'csat', rateMin: 1, rateMax: 5 },
        { type: 'rating', name: 'nps', title: 'Recommend?', metric: 'nps', rateMin: 0, rateMax: 10 },
        { type: 'rating', name: 'ces', title: 'Easy?', metric: 'ces', rateMin: 1, rateMax: 7 },
      ],
    },
  ],
};

let tp: TestPlatform;
let admin: string;
let survey: { id: string; version: number };
const today = dayOf(new Date());
const repeat = (pattern: number[], times: number) => Array.from({ length: times }, () => pattern).flat();

/** Responses answering `question` with `values`, one a day round the window's days, already folded (a rebuild counts them). */
async function seed(touchpoint: string, question: 'csat' | 'nps' | 'ces', values: number[], from: string, days: number) {
  await ResponseModel.insertMany(
    values.map((value, i) => ({
      surveyId: new Types.ObjectId(survey.id), version: survey.version, submissionId: randomUUID(), answers: { [question]: value },
      touchpoint, channel: 'counter', submittedAt: new Date(`${addDays(from, i % days)}T10:00:00Z`), foldState: 'folded',
    })),
  );
}

async function createTouchpoint(key: string, owners: string[] = []) {
  const reply = await tp.request('/api/touchpoints', { cookie: admin, body: { key, name: `Counter ${key}`, owners } });
  expect(reply.status, reply.text).toBe(201);
}

async function createAction(touchpoint: string, metric: string, extra: Record<string, unknown> = {}): Promise<Action> {
  const body = {
    title: `Fix ${touchpoint}`, touchpoint, metrics: [metric],
    plan: { problem: `${metric} below target`, owner: 'owner@example.test', dueOn: addDays(today, 30), expectedEffect: '+0.5' }, ...extra,
  };
  const reply = await tp.request('/api/actions', { cookie: admin, body });
  expect(reply.status, reply.text).toBe(201);
  return actionSchema.parse(reply.body);
}

async function move(id: string, body: Record<string, unknown>, status = 200) {
  const reply = await tp.request(`/api/actions/${id}/transitions`, { cookie: admin, body });
  expect(reply.status, reply.text).toBe(status);
  return reply.body;
}

/** An action started 60 days ago and completed 40 days ago: baseline = days −90..−61, check = −39..−10 (closed). */
async function completedAction(touchpoint: string, metric: string): Promise<Action> {
  const action = await createAction(touchpoint, metric);
  await move(action.id, { move: 'start', on: addDays(today, -60) });
  return actionSchema.parse(await move(action.id, { move: 'complete', on: addDays(today, -40) }));
}

async function checked(id: string, ms = 15_000): Promise<Action> {
  const deadline = Date.now() + ms;
  for (;;) {
    const action = actionSchema.parse((await tp.request(`/api/actions/${id}`, { cookie: admin })).body);
    if (action.check) return action;
    if (Date.now() > deadline) throw new Error(`action ${id} has no check yet`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function meanVariance(values: number[]) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { n: values.length, mean, variance: values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1) };
}

/** Hand-coded Welch: the difference of means and its unpooled standard error. */
function welch(before: number[], after: number[]) {
  const [a, b] = [meanVariance(before), meanVariance(after)];
  const se = Math.sqrt(a.variance / a.n + b.variance / b.n);
  return { delta: b.mean - a.mean, se, t: (b.mean - a.mean) / se };
}

/** Hand-coded NPS difference: scores and the standard error of their difference. */
function npsDifference(before: number[], after: number[]) {
  const part = (values: number[]) => {
    const p = values.filter((v) => v >= 9).length / values.length;
    const d = values.filter((v) => v <= 6).length / values.length;
    return { score: 100 * (p - d), variance: (10_000 * (p + d - (p - d) ** 2)) / values.length };
  };
  const [a, b] = [part(before), part(after)];
  const se = Math.sqrt(a.variance + b.variance);
  return { delta: b.score - a.score, se, z: (b.score - a.score) / se };
}

const BEFORE = { csat: repeat([2, 3, 3, 4, 3], 12), nps: repeat([10, 9, 9, 8, 10], 12), ces: repeat([3, 5, 4, 6, 2], 12) };
const AFTER = { csat: repeat([4, 4, 5, 3, 4], 12), nps: repeat([3, 6, 8, 10, 2], 12), ces: repeat([4, 6, 3, 5, 3], 12) };

beforeAll(async () => {
  tp = await startTestPlatform({ ACTION_SWEEP_MS: '1000' });
  admin = await tp.login();
  survey = await publishSurvey(tp, admin, SURVEY);
  for (const key of ['up', 'down', 'noise', 'few']) await createTouchpoint(key, [`${key}-owner@example.test`]);
  const baselineFrom = addDays(today, -90);
  const checkFrom = addDays(today, -39);
  await seed('up', 'csat', BEFORE.csat, baselineFrom, 30);
  await seed('up', 'csat', AFTER.csat, checkFrom, 30);
  await seed('down', 'nps', BEFORE.nps, baselineFrom, 30);
  await seed('down', 'nps', AFTER.nps, checkFrom, 30);
  await seed('noise', 'ces', BEFORE.ces, baselineFrom, 30);
  await seed('noise', 'ces', AFTER.ces, checkFrom, 30);
  await seed('few', 'csat', repeat([1, 2], 10), baselineFrom, 30);
  await seed('few', 'csat', repeat([5, 4], 10), checkFrom, 30);
  // Answers on the do days and before the baseline count in neither window.
  await seed('up', 'csat', repeat([1], 40), addDays(today, -55), 10);
  await seed('up', 'csat', repeat([1], 40), addDays(today, -120), 20);
  await rebuildRollups(tp.platform.context.redis, tp.platform.context.config.QUEUE_PREFIX);
});

afterAll(async () => {
  await tp?.stop();
});

describe('the automatic check of an improvement action', () => {
  it('finds a real CSAT improvement, with the effect and interval of a hand-coded Welch test', async () => {
    const action = await checked((await completedAction('up', 'csat')).id);
    const expected = welch(BEFORE.csat, AFTER.csat);
    const [result] = action.check!.metrics;
    expect(action.check!.baseline).toEqual({ from: addDays(today, -90), to: addDays(today, -61) });
    expect(action.check!.check).toEqual({ from: addDays(today, -39), to: addDays(today, -10) });
    expect(result).toMatchObject({ metric: 'csat', verdict: 'improved', test: 'welch-t', n: { baseline: 60, check: 60 } });
    expect(expected.t).toBeGreaterThan(5);
    expect(result!.effect).toBeCloseTo(expected.delta, 9);
    // t(0.975) for df ≈ 115 lies between the normal 1.960 and t(60) = 2.000
    const halfWidth = (result!.ci95![1] - result!.ci95![0]) / 2 / expected.se;
    expect(halfWidth).toBeGreaterThan(1.96);
    expect(halfWidth).toBeLessThan(2.0);
    expect(result!.pValue).toBeLessThan(0.001);

    const trend = trendResponseSchema.parse((await tp.request(`/api/actions/${action.id}/trend?metric=csat`, { cookie: admin })).body);
    const within = (range: { from: string; to: string }) => trend.points.filter((p) => p.period >= range.from && p.period <= range.to).reduce((n, p) => n + p.n, 0);
    expect([within(action.check!.baseline), within(action.check!.check)]).toEqual([60, 60]);
    expect(trend.points.at(-1)!.period <= action.check!.check.to).toBe(true);
    expect((await tp.request(`/api/actions/${action.id}/trend?metric=nps`, { cookie: admin })).status).toBe(400);
  });

  it('finds a real NPS decline, with the hand-coded NPS difference and its normal interval', async () => {
    const action = await checked((await completedAction('down', 'nps')).id);
    const expected = npsDifference(BEFORE.nps, AFTER.nps);
    const [result] = action.check!.metrics;
    expect(result).toMatchObject({ verdict: 'worse', test: 'nps-difference-z', n: { baseline: 60, check: 60 } });
    expect(result!.effect).toBeCloseTo(expected.delta, 9);
    expect(result!.ci95![0]).toBeCloseTo(expected.delta - 1.959963984540054 * expected.se, 6);
    expect(expected.z).toBeLessThan(-3);
  });

  it('calls noise no detectable change, and too few responses never get a verdict', async () => {
    const noise = await checked((await completedAction('noise', 'ces')).id);
    const expected = welch(BEFORE.ces, AFTER.ces);
    expect(Math.abs(expected.t)).toBeLessThan(1.5);
    expect(noise.check!.metrics[0]).toMatchObject({ verdict: 'no-change', test: 'welch-t' });
    expect(noise.check!.metrics[0]!.effect).toBeCloseTo(expected.delta, 9);

    const few = await checked((await completedAction('few', 'csat')).id);
    expect(few.check!.metrics[0]).toMatchObject({ verdict: 'too-few', n: { baseline: 20, check: 20 }, ci95: null, pValue: null, test: null });
  });

  it('emails the verdict once to the action owner and the touchpoint owners', async () => {
    const deadline = Date.now() + 10_000;
    while ((await SendLogModel.countDocuments({ kind: 'action-verdict', status: 'sent' })) < 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await sweepActions(tp.platform.context);
    const log = await SendLogModel.find({ kind: 'action-verdict' }).lean();
    expect(log.map((e) => e.to).sort()).toEqual(
      ['down-owner', 'few-owner', 'noise-owner', 'owner', 'owner', 'owner', 'owner', 'up-owner'].map((name) => `${name}@example.test`),
    );
    const mail = tp.mailbox.messages.find((m) => m.to.includes('up-owner@example.test'))!.raw.toString();
    expect(mail).toContain('improved');
  });
});

describe('the action cycle', () => {
  it('moves plan → do → check → act, refusing other moves with 409 and the allowed ones', async () => {
    const action = await createAction('up', 'nps');
    const refused = (await move(action.id, { move: 'complete' }, 409)) as Problem & { allowed_moves: string[] };
    expect(refused.allowed_moves).toEqual(['start']);
    expect((await move(action.id, { move: 'start', on: addDays(today, 1) }, 400)) as Problem).toMatchObject({ invalid_params: [{ name: 'body.on' }] });
    await move(action.id, { move: 'start' });
    await move(action.id, { move: 'complete' });
    const iterated = actionSchema.parse(await move(action.id, { move: 'iterate', note: 'not enough yet' }));
    expect(iterated).toMatchObject({ phase: 'act', decision: { kind: 'iterate', note: 'not enough yet', by: 'admin@example.test' } });
    expect(iterated.history.map((h) => h.kind)).toEqual(['created', 'moved', 'moved', 'moved', 'updated']);
    const next = actionSchema.parse((await tp.request(`/api/actions/${iterated.nextActionId}`, { cookie: admin })).body);
    expect(next).toMatchObject({ phase: 'plan', previousActionId: action.id, touchpoint: 'up', metrics: ['nps'] });
    expect((await move(action.id, { move: 'adopt' }, 409)) as { allowed_moves: string[] }).toMatchObject({ allowed_moves: [] });
    await move(next.id, { move: 'start' });
    await move(next.id, { move: 'complete' });
    const adopted = actionSchema.parse(await move(next.id, { move: 'adopt', note: 'worked' }));
    const versions = (await tp.request('/api/touchpoints/up/standard/versions', { cookie: admin })).body as { versions: { version: number; source: string; actionId: string | null; reason: string | null }[] };
    const made = versions.versions.find((v) => v.version === adopted.decision?.standardVersion);
    expect(made).toMatchObject({ source: 'action', actionId: next.id, reason: 'worked' });
    const history = (await tp.request('/api/actions?touchpoint=up', { cookie: admin })).body as { actions: Action[] };
    expect(history.actions.map((a) => a.id)).toContain(next.id);
  });

  it('refuses unknown touchpoints, fields and metrics with 400', async () => {
    const bad = await tp.request('/api/actions', {
      cookie: admin,
      body: { title: 'x', touchpoint: 'nowhere', metrics: ['csat'], plan: { problem: 'p', owner: 'o@example.test', dueOn: today } },
    });
    expect(bad.status).toBe(400);
    const unknown = await tp.request('/api/actions', {
      cookie: admin,
      body: { title: 'x', touchpoint: 'up', metrics: ['speed'], plan: { problem: 'p', owner: 'o@example.test', dueOn: today }, colour: 'red' },
    });
    expect(unknown.status).toBe(400);
    expect((unknown.body as Problem).invalid_params?.map((p) => p.name)).toEqual(expect.arrayContaining(['body.metrics.0', 'body']));
  });

  it('takes the root cause from the case categories: an unknown or archived one is a 400 on create and update', async () => {
    const names = { en: 'Queue too long', 'zh-CN': '排队太久' };
    expect((await tp.request('/api/case-admin/categories', { cookie: admin, body: { key: 'queue-too-long', names } })).status).toBe(201);
    const plan = (rootCause: string | null) => ({ problem: 'slow', owner: 'o@example.test', dueOn: today, rootCause });
    const unknown = await tp.request('/api/actions', { cookie: admin, body: { title: 'x', touchpoint: 'up', metrics: ['csat'], plan: plan('no-such-cause') } });
    expect(unknown.status).toBe(400);
    expect((unknown.body as Problem).invalid_params?.map((p) => p.name)).toEqual(['body.plan.rootCause']);
    const action = await createAction('up', 'csat', { plan: plan('queue-too-long') });
    expect(action.plan.rootCause).toBe('queue-too-long');
    const patch = (body: unknown) => tp.request(`/api/actions/${action.id}`, { cookie: admin, method: 'PATCH', body });
    expect(((await patch({ plan: { rootCause: 'no-such-cause' } })).body as Problem).invalid_params?.map((p) => p.name)).toEqual(['body.plan.rootCause']);
    // Archived since: the action keeps it through other edits, but cannot take it up anew once cleared.
    expect((await tp.request('/api/case-admin/categories/queue-too-long', { cookie: admin, method: 'PUT', body: { names, archived: true } })).status).toBe(200);
    expect((await patch({ title: 'Shorter queues', plan: { rootCause: 'queue-too-long' } })).status).toBe(200);
    expect((await patch({ plan: { rootCause: null } })).status).toBe(200);
    expect((await patch({ plan: { rootCause: 'queue-too-long' } })).status).toBe(400);
  });
});

describe('reminders', () => {
  it('go out once per step, even with two sweeps at the same moment', async () => {
    const action = await createAction('noise', 'ces', {
      plan: { problem: 'slow', owner: 'runner@example.test', dueOn: addDays(today, 1) },
      tasks: [{ title: 'Train the counter staff', owner: 'lead@example.test', dueOn: addDays(today, -1) }],
    });
    await move(action.id, { move: 'start' });
    await Promise.all([sweepActions(tp.platform.context), sweepActions(tp.platform.context)]);
    await new Promise((r) => setTimeout(r, 1500)); // the scheduled sweep runs again meanwhile
    await sweepActions(tp.platform.context);
    const log = await SendLogModel.find({ kind: 'action-reminder', key: new RegExp(`/${action.id}/`) }).lean();
    expect(log.map((e) => e.key).sort()).toEqual([
      `action-reminder/${action.id}/action/${addDays(today, 1)}/due-soon/runner@example.test`,
      `action-reminder/${action.id}/task-${action.tasks[0]!.id}/${addDays(today, -1)}/overdue/lead@example.test`,
      `action-reminder/${action.id}/task-${action.tasks[0]!.id}/${addDays(today, -1)}/overdue/runner@example.test`,
    ]);
    expect(log.every((e) => e.status === 'sent')).toBe(true);
    expect(tp.mailbox.messages.filter((m) => m.to.includes('lead@example.test'))).toHaveLength(1);
    expect(tp.mailbox.messages.filter((m) => m.to.includes('runner@example.test'))).toHaveLength(2);
  });
});
