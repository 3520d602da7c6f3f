import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecordView } from '@shared/cases/case-api.schema';
import type { MetricsResponse, TouchpointScores, TrendResponse } from '@shared/scoring/metrics.schema';
import { caseFoldJob } from '../../server/case-metrics/case-fold.job';
import { refoldCase, refoldDecidingCases } from '../../server/case-metrics/case-fold.service';
import { caseRollupSnapshot, rebuildCaseRollups } from '../../server/case-metrics/case-rebuild.service';
import { CaseModel } from '../../server/cases/case.model';
import { ContactModel } from '../../server/contacts/contact.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { move, openCase, SECONDS_POLICY, staff, team } from './cases-fixtures';
import { waitUntil } from './follow-up-fixtures';

let tp: TestPlatform;
let admin: string;
let agent: { id: string; cookie: string };
let teamId: string;
const survey = new Types.ObjectId().toString();
const DAY_MS = 24 * 3_600_000;

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tp.login();
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch-visit', name: 'Branch visit' } })).status).toBe(201);
  agent = await staff(tp.request, tp.login, admin, 'agent.metrics@bank.test');
  const policy = await tp.request('/api/case-admin/sla-policies', { cookie: admin, body: SECONDS_POLICY });
  expect(policy.status, policy.text).toBe(201);
  teamId = await team(tp.request, admin, { name: 'Counter', members: [agent.id], lead: agent.id, slaPolicyId: (policy.body as { id: string }).id });
  // Cases name categories from the admin-kept taxonomy.
  for (const key of ['card', 'billing']) {
    const created = await tp.request('/api/case-admin/categories', { cookie: admin, body: { key, names: { en: key, 'zh-CN': key } } });
    expect(created.status, created.text).toBe(201);
  }
});
afterAll(async () => {
  await tp?.stop();
});

const view = async (ref: string) => (await tp.request(`/api/cases/${ref}`, { cookie: admin })).body as CaseRecordView;
const moved = async (ref: string, ...moves: string[]) => {
  for (const name of moves) expect((await move(tp.request, agent.cookie, ref, name)).status, name).toBe(200);
  return view(ref);
};
const ms = (iso: string) => new Date(iso).getTime();
const moveAt = (c: CaseRecordView, name: string, which: 'first' | 'last' = 'first') => {
  const entries = c.timeline.filter((e) => e.kind === 'moved' && e.data.move === name);
  return ms((which === 'first' ? entries[0] : entries[entries.length - 1])!.at);
};
const branchScores = async (query = '') => {
  const reply = await tp.request(`/api/metrics/touchpoints?survey=${survey}&touchpoint=branch-visit${query}`, { cookie: admin });
  expect(reply.status, reply.text).toBe(200);
  return (reply.body as MetricsResponse).touchpoints[0] as TouchpointScores | undefined;
};
/** Every case folded: the rollups hold `n` cases and each case's fold saw its latest entry. */
const settled = async (n: number, check: (scores: TouchpointScores) => boolean = () => true): Promise<TouchpointScores> =>
  (await waitUntil(branchScores, (scores) => scores?.cases?.n === n && check(scores), 15_000))!;

describe('case metrics', () => {
  const cases: Record<string, CaseRecordView> = {};

  it('folds cases moving through their states into FRT, TAT, SLA, reopen, escalation and repeat figures computed independently', async () => {
    const contact = await ContactModel.create({ email: 'repeat.customer@example.test' });
    const contactId = contact._id.toString();
    // A: acknowledged, then resolved at first contact. B: resolved, reopened, resolved again.
    // C: normal priority, left to breach its 2 s acknowledgement and escalate. D: the same contact and category as C.
    const a = await openCase(tp.request, agent.cookie, { teamId, priority: 'low', segment: 'vip', category: 'card' });
    const b = await openCase(tp.request, agent.cookie, { teamId, priority: 'low', category: 'card' });
    const c = await openCase(tp.request, agent.cookie, { teamId, priority: 'normal', contactId, category: 'billing', assigneeId: agent.id });
    const d = await openCase(tp.request, agent.cookie, { teamId, priority: 'low', contactId, category: 'billing' });
    cases.a = await moved(a.ref, 'acknowledge', 'resolve');
    cases.b = await moved(b.ref, 'resolve', 'reopen', 'resolve');
    cases.d = await moved(d.ref, 'acknowledge');
    cases.c = await waitUntil(() => view(c.ref), (v) => v.timeline.some((e) => e.kind === 'escalated'), 15_000);
    cases.c = await moved(c.ref, 'acknowledge');

    const scores = await settled(4, (s) => s.cases?.escalationRate?.pct === 25 && s.cases.frt?.n === 4);
    const frts = ['a', 'b', 'c', 'd'].map((k) => (moveAt(cases[k]!, k === 'b' ? 'resolve' : 'acknowledge') - ms(cases[k]!.openedAt)) / 1000);
    const tats = [(moveAt(cases.a!, 'resolve') - ms(cases.a!.openedAt)) / 1000, (moveAt(cases.b!, 'resolve', 'last') - ms(cases.b!.openedAt)) / 1000];
    const sorted = [...frts].sort((x, y) => x - y);
    const near = (value: number | undefined, exact: number) => expect(Math.abs((value ?? NaN) - exact)).toBeLessThanOrEqual(exact * 0.01 + 1e-9);
    expect(scores.cases!.frt!.n).toBe(4);
    expect(scores.cases!.frt!.mean).toBeCloseTo(frts.reduce((x, y) => x + y) / 4, 3);
    near(scores.cases!.frt!.p50, sorted[1]!); // rank ⌊0.5·3⌋
    near(scores.cases!.frt!.p90, sorted[2]!); // rank ⌊0.9·3⌋
    expect(scores.cases!.tat!.n).toBe(2);
    expect(scores.cases!.tat!.mean).toBeCloseTo((tats[0]! + tats[1]!) / 2, 3);
    // Stages: A and B resolved (5 met each); C breached acknowledge, its other stages still run; D acknowledged.
    expect(scores.cases!.sla.acknowledge).toMatchObject({ met: 3, breached: 1 });
    expect(scores.cases!.slaAttainment).toEqual({ n: 12, pct: (100 * 11) / 12 });
    expect(scores.cases!.reopenRate).toEqual({ n: 2, pct: 50 });
    expect(scores.cases!.repeatRate).toEqual({ n: 4, pct: 25 });
    // A's FCR waits for its 7 days; B's reopen already decided "no".
    expect(scores.cases!.fcr).toEqual({ n: 1, pct: 0 });
    expect(scores.cases!.resolutionCsat).toBeNull();
    // Filters narrow the cases: one VIP case, two in `card`.
    expect((await branchScores('&segment=vip'))?.cases?.n).toBe(1);
    expect((await branchScores('&category=card'))?.cases?.n).toBe(2);
  });

  it('rebuilding equals the incremental rollups, also after out-of-order and repeated folds and a decided FCR', async () => {
    const before = await caseRollupSnapshot();
    expect(before.size).toBeGreaterThan(0);
    // Folds of old events arriving late, twice, and at once change nothing: each reads the case as it is.
    const numbers = (await CaseModel.find({}, { number: 1 }).lean()).map((c) => c.number);
    await Promise.all([...numbers, ...numbers.reverse()].map((n) => refoldCase(n, new Date())));
    expect(await caseRollupSnapshot()).toEqual(before);
    const report = await rebuildCaseRollups(tp.platform.context);
    expect(report.cases).toBe(4);
    expect(await caseRollupSnapshot()).toEqual(before);

    // A change the consumer never heard of (the handling CSAT arriving), folded by several at once: counted once.
    await CaseModel.updateOne({ number: Number(cases.a!.ref.slice(2)) }, { $set: { handlingCsat: 4 } }, { strict: false });
    await Promise.all([1, 2, 3].map(() => refoldCase(Number(cases.a!.ref.slice(2)), new Date())));
    expect((await branchScores())?.cases?.resolutionCsat).toEqual({ n: 1, mean: 4 });

    // Eight days on, A's FCR decides "yes" by the sweep's clock; a rebuild at that instant agrees.
    const later = new Date(Date.now() + 8 * DAY_MS);
    expect(await refoldDecidingCases(later)).toBe(1);
    expect((await branchScores())?.cases?.fcr).toEqual({ n: 2, pct: 50 });
    const incremental = await caseRollupSnapshot();
    await rebuildCaseRollups(tp.platform.context, later);
    expect(await caseRollupSnapshot()).toEqual(incremental);
  });

  it('reopening a resolved case moves its counts, and the rebuild still agrees', async () => {
    await moved(cases.a!.ref, 'reopen');
    await settled(4, (s) => s.cases?.reopenRate?.pct === 100);
    const scores = await branchScores();
    // By the wall clock A was reopened within 7 days of its resolution: FCR "no" now, TAT pending again.
    expect(scores?.cases?.fcr).toEqual({ n: 2, pct: 0 });
    expect(scores?.cases?.tat?.n).toBe(1);
    const incremental = await caseRollupSnapshot();
    await rebuildCaseRollups(tp.platform.context);
    expect(await caseRollupSnapshot()).toEqual(incremental);
  });

  it('re-filing a case under another category moves its counts there, and the rebuild still agrees', async () => {
    const byCategory = async (category: string) => (await branchScores(`&category=${category}`))?.cases?.n ?? 0;
    expect([await byCategory('card'), await byCategory('billing')]).toEqual([2, 2]);
    const refiled = await tp.request(`/api/cases/${cases.d!.ref}/category`, { cookie: agent.cookie, method: 'PUT', body: { category: 'card' } });
    expect(refiled.status, refiled.text).toBe(200);
    await waitUntil(() => byCategory('card'), (n) => n === 3, 15_000);
    expect(await byCategory('billing')).toBe(1);
    expect((await branchScores())?.cases?.n).toBe(4);
    const incremental = await caseRollupSnapshot();
    await rebuildCaseRollups(tp.platform.context);
    expect(await caseRollupSnapshot()).toEqual(incremental);
  });

  it('serves case metrics as trends and checks targets on them, lower-is-better for times and rates', async () => {
    const trend = await tp.request(`/api/metrics/trend?survey=${survey}&touchpoint=branch-visit&metric=reopen-rate`, { cookie: admin });
    expect(trend.status, trend.text).toBe(200);
    const points = (trend.body as TrendResponse).points;
    expect(points.at(-1)).toMatchObject({ n: 2, value: 100, ci95: null });
    const frtTrend = await tp.request(`/api/metrics/trend?survey=${survey}&metric=frt-p90&interval=month`, { cookie: admin });
    expect((frtTrend.body as TrendResponse).points.at(-1)?.n).toBe(4);

    const target = { 'frt-p90': 3600, 'reopen-rate': 10, 'sla-attainment': 50, minN: 1 };
    expect((await tp.request('/api/touchpoints/branch-visit', { method: 'PATCH', cookie: admin, body: { target } })).status).toBe(200);
    const checks = Object.fromEntries(((await branchScores())?.targets ?? []).map((c) => [c.metric, c.status]));
    expect(checks).toEqual({ 'frt-p90': 'met', 'reopen-rate': 'missed', 'sla-attainment': 'met' });
    const refused = await tp.request('/api/touchpoints/branch-visit', { method: 'PATCH', cookie: admin, body: { target: { fcr: 120 } } });
    expect(refused.status).toBe(400);
    expect((await tp.request(`/api/metrics/trend?survey=${survey}&metric=frt-p99`, { cookie: admin })).status).toBe(400);
  });

  it('folds a backlog of fold jobs in batches, each case once, and the rebuild still agrees', async () => {
    const start = (await branchScores())?.cases;
    const before = start?.n ?? 0;
    const queue = tp.platform.context.queues.queue(caseFoldJob);
    // Folds held back while 12 cases open and move: a backlog, as a burst of changes makes one.
    await queue.pause();
    const opened: CaseRecordView[] = [];
    for (let i = 0; i < 12; i++) opened.push(await openCase(tp.request, agent.cookie, { teamId, priority: 'low', category: i % 2 ? 'card' : 'billing' }));
    for (const c of opened.slice(0, 6)) await moved(c.ref, 'acknowledge');
    expect(await queue.getWaitingCount()).toBeGreaterThanOrEqual(18);
    await queue.resume();
    // Each acknowledged case adds its first response time: the folds read the cases as they are now.
    await settled(before + 12, (scores) => scores.cases?.frt?.n === (start?.frt?.n ?? 0) + 6);
    await waitUntil(() => queue.getJobCounts('waiting', 'active'), (counts) => counts.waiting === 0 && counts.active === 0, 15_000);
    const batches = (await queue.getCompleted(0, 200)).map((job) => (job.returnvalue as { batch?: number } | null)?.batch ?? 1);
    expect(Math.max(...batches)).toBeGreaterThan(1);
    expect((await branchScores())?.cases?.n).toBe(before + 12);
    const incremental = await caseRollupSnapshot();
    await rebuildCaseRollups(tp.platform.context);
    expect(await caseRollupSnapshot()).toEqual(incremental);
  });
});
