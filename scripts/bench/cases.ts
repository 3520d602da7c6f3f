// Cases benchmark: `npm run bench:cases [-- --cases 100000 --timers 300]`.
// The platform in-process on its embedded defaults (store and redis-server children), with N open cases
// over 20 teams of 5 agents, opened over the last three days on the default SLA policy: their clocks
// running, the timers already due marked as fired (as if they had), and each case's next timer queued as
// a delayed BullMQ job (N delayed jobs). Then, in one run, over HTTP as the agents receive it:
//   - baseline: GET one case by its number (a unique-key lookup), p95;
//   - the inbox: GET /api/cases in each view (mine, team, due soon, breached, all) and with a status filter, p95;
//   - state changes: POST /api/cases/:ref/transitions (acknowledge), p95; then again with the
//     background (timers, folds, customer emails) paused, to show what the running clocks cost;
//   - folding against changing: the rate of state changes made 8 at a time, and the rate at which the
//     case-metrics folds (batched under their lock) fold cases: the folds must keep up;
//   - timers: cases opened on a policy in seconds among the N queued timers; how late each due-soon and
//     breach lands on the timeline after its planned instant (p50, p95, max).
// Goals (issue #14): inbox p95 <= 50 ms; state change p95 <= 20 ms; timers within 1 s of due. The ratios
// against the baseline are what to compare between runs on a noisy machine.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Types } from 'mongoose';
import { CSRF_HEADER } from '../../shared/auth/auth.schema';
import { businessCalendarSchema, roundTheClockCalendar, type BusinessCalendar } from '../../shared/cases/business-calendar.schema';
import { formatCaseRef, type CaseList, type CaseRecordView } from '../../shared/cases/case-api.schema';
import { planCaseClocks } from '../../shared/cases/case-clocks';
import type { CaseState, CaseStatus, PausableStatus } from '../../shared/cases/case-states';
import { DEFAULT_SLA_POLICY, slaPolicySchema, type CasePriority } from '../../shared/cases/sla-policy.schema';
import { firedKeyOf } from '../../shared/cases/sla-timers';
import { seededRandom } from '../../shared/testing/seeded-random';
import { createSlaPolicy, createTeam } from '../../server/cases/case-admin.service';
import { caseFoldJob } from '../../server/case-metrics/case-fold.job';
import { caseCustomerEmailJob } from '../../server/cases/customer/customer-email.job';
import { CaseCounterModel, CaseModel } from '../../server/cases/case.model';
import { plannedTimers, slaTimerJob, timerJobId } from '../../server/cases/sla-timer.job';
import { loadConfig } from '../../server/config';
import { startPlatform } from '../../server/platform';
import { createTouchpoint } from '../../server/touchpoints/touchpoint.service';
import { benchLogin } from './lib/login';

const { values: flags } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, timers: { type: 'string', default: '300' }, requests: { type: 'string', default: '200' } } });
const TOTAL = Number(flags.cases);
const TIMER_CASES = Number(flags.timers);
const REQUESTS = Number(flags.requests);
const BURST = 400;
const TEAMS = 20;
const AGENTS_PER_TEAM = 5;
const PASSWORD = 'bench-agent-password';
const TOUCHPOINTS = ['branch-visit', 'hotline', 'online-banking', 'card-delivery', 'complaints'];
const CHANNELS = ['phone', 'online', 'on-site', 'app'];
const SEGMENTS = ['standard', 'vip', 'strategic'];
const PRIORITIES: CasePriority[] = ['low', 'normal', 'normal', 'high', 'urgent'];
const MINUTE = 60_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-bench-cases-'));
const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', ADMIN_PASSWORD: 'bench-password-0123', CASE_TIMER_SWEEP_MS: '3600000' });
const platform = await startPlatform(config, { api: true, workers: true });
const url = platform.url as string;
try {
  console.log(`cases bench: ${TOTAL.toLocaleString('en')} open cases, ${TEAMS} teams x ${AGENTS_PER_TEAM} agents, ${os.cpus().length} CPUs, load ${load()}`);
  const random = seededRandom(14);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  for (const key of TOUCHPOINTS) await createTouchpoint({ key, name: key, owners: [`${key}@bench.test`] });

  // Teams: half on a round-the-clock calendar, half on office hours in Shanghai (business time with nights and weekends).
  const office: BusinessCalendar = businessCalendarSchema.parse({
    timeZone: 'Asia/Shanghai',
    weeklyHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [{ from: '08:00', to: '20:00' }]])),
  });
  const policy = await createSlaPolicy(DEFAULT_SLA_POLICY);
  const teams: Array<{ id: string; calendar: BusinessCalendar; agents: Array<{ id: string; email: string }> }> = [];
  for (let t = 0; t < TEAMS; t++) {
    const agents = [];
    for (let a = 0; a < AGENTS_PER_TEAM; a++) {
      const email = `agent-${t}-${a}@bench.test`;
      const user = await platform.context.auth.createUser({ email, name: email, role: 'agent', password: PASSWORD });
      agents.push({ id: user.id, email });
    }
    const calendar = t % 2 === 0 ? roundTheClockCalendar() : office;
    const team = await createTeam({ name: `Team ${t}`, members: agents.map((a) => a.id), lead: agents[0]!.id, calendar, slaPolicyId: policy.id });
    teams.push({ id: team.id, calendar, agents });
  }

  // 1. The open cases, stored directly in bulk as the service would have left them at `now`.
  const now = new Date();
  const statuses: CaseStatus[] = ['new', 'new', 'new', 'acknowledged', 'acknowledged', 'investigating', 'investigating', 'plan-proposed', 'waiting-on-customer'];
  const queue = platform.context.queues.queue(slaTimerJob);
  let queued = 0;
  const started = performance.now();
  for (let offset = 0; offset < TOTAL; offset += 2000) {
    const docs = [];
    const jobs = [];
    for (let i = offset; i < Math.min(TOTAL, offset + 2000); i++) {
      const number = i + 1;
      const team = pick(teams);
      // Most cases are young; some have waited for days (those are breached).
      const u = random();
      const ageMs = u < 0.5 ? u * 60 * MINUTE : u < 0.8 ? 30 * MINUTE + (u - 0.5) * 14 * 60 * MINUTE : 4 * 60 * MINUTE + (u - 0.8) * 3 * 24 * 60 * MINUTE * 5;
      const openedAt = new Date(now.getTime() - ageMs);
      const status = pick(statuses);
      const resumeTo: PausableStatus | null = status === 'waiting-on-customer' ? 'investigating' : null;
      const state = (status === 'waiting-on-customer' ? { status, resumeTo } : { status }) as CaseState;
      const pauses = status === 'waiting-on-customer' ? [{ from: new Date(openedAt.getTime() + ageMs / 2), to: null }] : [];
      const priority = pick(PRIORITIES);
      const segment = pick(SEGMENTS);
      const plan = planCaseClocks({ state, priority, segment, cycleStartedAt: openedAt, pauses, version: 0, policy: DEFAULT_SLA_POLICY, calendar: team.calendar }, now);
      // Timers already due took effect, as they would have.
      const past = plan.timers.filter((t) => t.at <= now);
      const firedTimers = past.map((t) => firedKeyOf(0, t));
      const stored = plannedTimers(plan.timers, 0, firedTimers);
      const next = stored.timers.find((t) => t.at.getTime() === stored.nextTimerAt?.getTime());
      docs.push({
        number, summary: `Complaint ${number}`, description: null, source: 'agent', origin: {}, contactId: null,
        touchpoint: pick(TOUCHPOINTS), channel: pick(CHANNELS), segment, category: null, priority,
        teamId: new Types.ObjectId(team.id), assigneeId: random() < 0.8 ? new Types.ObjectId(pick(team.agents).id) : null,
        status, resumeTo, cycleStartedAt: openedAt, cycle: 0, pauses, clockVersion: 0,
        clocks: plan.clocks, dueAt: plan.dueAt, warnAt: plan.warnAt, ...stored, firedTimers,
        breachedStages: [...new Set(past.filter((t) => t.kind === 'breached').map((t) => t.stage))],
        timeline: [{ at: openedAt, by: null, kind: 'opened', data: { source: 'agent', priority } }],
        createdAt: openedAt, updatedAt: openedAt,
      });
      if (next) {
        const data = { number, stage: next.stage, version: 0, kind: next.kind, ...(next.level ? { level: next.level } : {}) };
        jobs.push({ name: slaTimerJob.queue, data, opts: { jobId: timerJobId(number, next), delay: next.at.getTime() - now.getTime() } });
      }
    }
    await CaseModel.collection.insertMany(docs, { ordered: false });
    await queue.addBulk(jobs);
    queued += jobs.length;
  }
  await CaseCounterModel.updateOne({ _id: 'case' }, { $set: { seq: TOTAL } }, { upsert: true });
  console.log(`stored ${TOTAL.toLocaleString('en')} cases and queued ${queued.toLocaleString('en')} timers in ${((performance.now() - started) / 1000).toFixed(1)} s; delayed jobs in Redis: ${(await queue.getDelayedCount()).toLocaleString('en')}`);

  // 2. Requests as the agents make them, each timed from send to the last byte of the reply.
  const cookies = new Map<string, string>();
  const cookieOf = async (email: string, password: string) => cookies.get(email) ?? cookies.set(email, await benchLogin(url, email, password)).get(email)!;
  const call = async (email: string, pathname: string, body?: unknown, password = PASSWORD) => {
    const cookie = await cookieOf(email, password);
    const t0 = performance.now();
    const reply = await fetch(`${url}${pathname}`, {
      method: body ? 'POST' : 'GET',
      headers: { cookie, [CSRF_HEADER]: '1', ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await reply.json()) as unknown;
    const ms = performance.now() - t0;
    if (reply.status !== 200 && reply.status !== 201) throw new Error(`${pathname}: ${reply.status} ${JSON.stringify(json)}`);
    return { ms, json };
  };
  const someAgent = () => pick(pick(teams).agents).email;
  const measure = async (name: string, run: () => Promise<{ ms: number; json: unknown }>, check?: (json: unknown) => boolean) => {
    for (let i = 0; i < 10; i++) await run(); // warm-up
    const times: number[] = [];
    let checked = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const { ms, json } = await run();
      if (check?.(json)) checked++;
      times.push(ms);
    }
    // A small team may have nothing due soon at one instant; a view empty for every agent measures nothing.
    if (check && checked === 0) throw new Error(`${name}: every reply came back empty, so the bench data does not exercise it`);
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    console.log(`${name.padEnd(40)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms`);
    return p95;
  };
  const nonEmpty = (json: unknown) => (json as CaseList).cases.length > 0;

  console.log('');
  const baseline = await measure('baseline: GET one case by number', async () => {
    const agent = pick(teams).agents[0]!;
    const doc = await CaseModel.findOne({ teamId: new Types.ObjectId(teams.find((t) => t.agents.includes(agent))!.id), number: { $gte: Math.floor(random() * TOTAL) } }, { number: 1 }).lean();
    return call(agent.email, `/api/cases/${formatCaseRef(doc?.number ?? 1)}`);
  });
  const inbox: Array<[string, number]> = [];
  for (const view of ['mine', 'team', 'due-soon', 'breached', 'all'] as const) {
    inbox.push([view, await measure(`inbox ${view}`, () => call(someAgent(), `/api/cases?view=${view}`), nonEmpty)]);
  }
  inbox.push(['team, status=investigating', await measure('inbox team, status=investigating', () => call(someAgent(), '/api/cases?view=team&status=investigating'), nonEmpty)]);
  inbox.push(['all, page 3', await measure('inbox all, third page (cursor)', async () => {
    const email = someAgent();
    const first = (await call(email, '/api/cases?view=all')).json as CaseList;
    if (!first.nextCursor) throw new Error('the bench data has a single page of cases per agent: use more --cases');
    const second = (await call(email, `/api/cases?view=all&cursor=${first.nextCursor}`)).json as CaseList;
    return call(email, `/api/cases?view=all&cursor=${second.nextCursor ?? first.nextCursor}`);
  }, nonEmpty)]);
  inbox.push(['admin, all 100k', await measure('inbox admin, all teams', () => call(config.ADMIN_EMAIL, '/api/cases?view=all', undefined, 'bench-password-0123'), nonEmpty)]);

  // State changes: acknowledge 'new' cases, each by an agent of its team.
  // The newest cases, as agents acknowledge them within their first half hour: an old one's later
  // stages are long overdue, so acknowledging it fires a burst of breaches and escalation emails.
  const fresh = await CaseModel.find({ status: 'new' }, { number: 1, teamId: 1 }).sort({ createdAt: -1 }).limit(2 * (REQUESTS + 10)).lean();
  const agentOfTeam = new Map(teams.map((t) => [t.id, t.agents[1]!.email]));
  let k = 0;
  const acknowledgeNext = async () => {
    const doc = fresh[k++]!;
    return call(agentOfTeam.get(doc.teamId.toString())!, `/api/cases/${formatCaseRef(doc.number)}/transitions`, { move: 'acknowledge' });
  };
  const stateChange = await measure('state change (acknowledge)', acknowledgeNext);
  // The same with the background paused (timers, case folds and the emails they send wait in their
  // queues; escalation emails go out from the timer jobs): what the clocks' own work costs a change on
  // this machine. Resumed before the timers part.
  const background = [slaTimerJob, caseFoldJob, caseCustomerEmailJob].map((job) => platform.context.queues.queue(job));
  await Promise.all(background.map((q) => q.pause()));
  await sleep(1000);
  const atRest = await measure('state change, background paused', acknowledgeNext);
  await Promise.all(background.map((q) => q.resume()));

  // Folding against changing: every case change asks for one fold of its case into the case metrics,
  // and case folds run under one lock. In one run: state changes 8 at a time (with their
  // own folds running alongside, as in production), then the fold capacity on cases never folded yet
  // (each fold job takes the waiting ones along: see case-fold.job.ts).
  const foldQueue = platform.context.queues.queue(caseFoldJob);
  const drained = async (queue = foldQueue) => {
    for (;;) {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      if (Object.values(counts).every((n) => n === 0)) return;
      await sleep(20);
    }
  };
  await drained();
  const burst = await CaseModel.find({ status: 'new' }, { number: 1, teamId: 1 }).sort({ number: 1 }).limit(BURST).lean();
  const changesStarted = performance.now();
  for (let next = 0; next < burst.length; ) {
    const wave = burst.slice(next, (next += 8));
    await Promise.all(wave.map((doc) => call(agentOfTeam.get(doc.teamId.toString())!, `/api/cases/${formatCaseRef(doc.number)}/transitions`, { move: 'acknowledge' })));
  }
  const changeRate = burst.length / ((performance.now() - changesStarted) / 1000);
  await drained();
  const unfolded = await CaseModel.find({ status: 'investigating' }, { number: 1 }).sort({ number: 1 }).limit(BURST).lean();
  const foldsStarted = performance.now();
  await foldQueue.addBulk(unfolded.map((doc) => ({ name: caseFoldJob.queue, data: { number: doc.number }, opts: { jobId: `bench-fold-${doc.number}` } })));
  await drained();
  const foldRate = unfolded.length / ((performance.now() - foldsStarted) / 1000);
  console.log(`state changes, 8 at a time: ${changeRate.toFixed(0)}/s; case folds (batches under one lock): ${foldRate.toFixed(0)}/s = ${(foldRate / changeRate).toFixed(2)}x the change rate`);

  // The timers that came due while paused fire late by the pause; they are through before timers are timed.
  await Promise.all(background.map((q) => drained(q)));

  // 3. Timers among the queued ones: cases on a policy in seconds, opened over ~10 s, each warning at
  // 1.5 s and breaching at 3 s after opening.
  const seconds = await createSlaPolicy(
    slaPolicySchema.parse({ name: 'Seconds', warningRatio: 0.5, rules: [{ priority: '*', segment: '*', targets: { acknowledge: 3, investigate: 600, plan: 600, answer: 600, resolve: 600 } }], escalation: [] }),
  );
  const fast = teams[0]!;
  const fastTeam = await createTeam({ name: 'Seconds team', members: fast.agents.map((a) => a.id), lead: null, calendar: roundTheClockCalendar(), slaPolicyId: seconds.id });
  const opened: CaseRecordView[] = [];
  for (let i = 0; i < TIMER_CASES; i++) {
    const { json } = await call(fast.agents[0]!.email, '/api/cases', { summary: `Timer ${i}`, touchpoint: 'hotline', channel: 'phone', teamId: fastTeam.id, priority: 'normal' });
    opened.push(json as CaseRecordView);
    await sleep(10_000 / TIMER_CASES);
  }
  await sleep(5000);
  const late: number[] = [];
  let missing = 0;
  for (const view of opened) {
    const doc = await CaseModel.findOne({ number: Number(view.ref.slice(2)) }, { timeline: 1, clocks: 1 }).lean();
    const planned = view.clocks.find((c) => c.stage === 'acknowledge')!;
    for (const [kind, due] of [['due-soon', planned.warnAt], ['breached', planned.dueAt]] as const) {
      const entry = doc?.timeline.find((e) => e.kind === kind && (e.data as { stage?: string }).stage === 'acknowledge');
      if (!entry || !due) missing += 1;
      else late.push(entry.at.getTime() - Date.parse(due));
    }
  }
  late.sort((a, b) => a - b);
  console.log(`timers (${late.length} fired among ${queued.toLocaleString('en')} queued; ${missing} missing): late by p50 ${percentile(late, 50).toFixed(0)} ms, p95 ${percentile(late, 95).toFixed(0)} ms, max ${late.at(-1)?.toFixed(0)} ms`);

  console.log('');
  const worstInbox = Math.max(...inbox.map(([, p95]) => p95));
  console.log(`inbox p95, worst view: ${worstInbox.toFixed(1)} ms (goal <= 50 ms) = ${(worstInbox / baseline).toFixed(2)}x the single-case lookup`);
  console.log(`state change p95: ${stateChange.toFixed(1)} ms (goal <= 20 ms) = ${(stateChange / baseline).toFixed(2)}x the single-case lookup; ${atRest.toFixed(1)} ms with the background paused (${(stateChange / atRest).toFixed(2)}x)`);
  console.log(`case folds: ${(foldRate / changeRate).toFixed(2)}x the state-change rate (goal >= 1: a sustained peak of changes drains)`);
  console.log(`timers: max lateness ${late.at(-1)?.toFixed(0)} ms (goal <= 1000 ms), ${missing} missing; load ${load()}`);
  if (missing > 0) process.exitCode = 1;
} finally {
  await platform.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
