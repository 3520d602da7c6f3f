import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTheClockCalendar } from '@shared/cases/business-calendar.schema';
import type { CaseList, CaseRecordView } from '@shared/cases/case-api.schema';
import { caseTeamListSchema } from '@shared/cases/case-teams.schema';
import { ContactModel } from '../../server/contacts/contact.model';
import { fireSlaTimer, slaTimerJob } from '../../server/cases/sla-timer.job';
import { sweepCaseTimers } from '../../server/cases/sla-timer-sweep.job';
import { waitUntil } from './follow-up-fixtures';
import { SendLogModel } from '../../server/mail/send-log.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { move, openCase, SECONDS_POLICY, staff, team } from './cases-fixtures';

let tp: TestPlatform;
let admin: string;
let agentA: { id: string; cookie: string };
let agentB: { id: string; cookie: string };
let teamA: string;
let teamB: string;

beforeAll(async () => {
  // The scheduled sweep stays out of the way of the test that runs it by hand.
  tp = await startTestPlatform({ CASE_TIMER_SWEEP_MS: String(24 * 3600 * 1000) });
  admin = await tp.login();
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch-visit', name: 'Branch visit' } })).status).toBe(201);
  agentA = await staff(tp.request, tp.login, admin, 'agent.a@bank.test');
  agentB = await staff(tp.request, tp.login, admin, 'agent.b@bank.test');
  const policy = await tp.request('/api/case-admin/sla-policies', { cookie: admin, body: SECONDS_POLICY });
  expect(policy.status, policy.text).toBe(201);
  const slaPolicyId = (policy.body as { id: string }).id;
  teamA = await team(tp.request, admin, { name: 'Counter A', members: [agentA.id], slaPolicyId });
  teamB = await team(tp.request, admin, { name: 'Counter B', members: [agentB.id], slaPolicyId });
});
afterAll(async () => {
  await tp?.stop();
});

const getCase = async (cookie: string, ref: string) => tp.request(`/api/cases/${ref}`, { cookie });
const at = (c: CaseRecordView, kind: string, moveName?: string) =>
  new Date(c.timeline.find((e) => e.kind === kind && (moveName === undefined || e.data.move === moveName))!.at).getTime();

describe('service cases', () => {
  it('numbers cases readably and refuses a move the state does not allow with 409 and the allowed moves', async () => {
    const opened = await openCase(tp.request, agentA.cookie, { teamId: teamA, priority: 'low', assigneeId: agentA.id });
    expect(opened).toMatchObject({ status: 'new', allowedMoves: ['acknowledge', 'resolve'], assigneeId: agentA.id });
    expect(opened.ref).toMatch(/^C-\d{6}$/);
    const refused = await move(tp.request, agentA.cookie, opened.ref, 'close');
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 409, code: 'move-not-allowed', allowed_moves: ['acknowledge', 'resolve'] });
    const nowhere = await tp.request('/api/cases', { cookie: agentA.cookie, body: { summary: 'x', touchpoint: 'moon-base', channel: 'phone', teamId: teamA, contactId: '0123456789abcdef01234567' } });
    expect(nowhere.status).toBe(400);
    expect((nowhere.body as { invalid_params: Array<{ name: string }> }).invalid_params.map((p) => p.name)).toEqual(['body.touchpoint', 'body.contactId']);
    const unknownMove = await move(tp.request, agentA.cookie, opened.ref, 'teleport');
    expect(unknownMove.status).toBe(400);
    expect((await getCase(agentA.cookie, opened.ref)).body).toMatchObject({ status: 'new', clockVersion: 0 });
  });

  it('an agent cannot see, list, open or work another team’s case', async () => {
    const opened = await openCase(tp.request, agentA.cookie, { teamId: teamA, priority: 'low' });
    expect((await getCase(agentB.cookie, opened.ref)).status).toBe(404);
    expect((await move(tp.request, agentB.cookie, opened.ref, 'acknowledge')).status).toBe(404);
    expect((await tp.request(`/api/cases/${opened.ref}/notes`, { cookie: agentB.cookie, body: { text: 'mine now' } })).status).toBe(404);
    const listB = (await tp.request('/api/cases', { cookie: agentB.cookie })).body as CaseList;
    expect(listB.cases.map((c) => c.ref)).not.toContain(opened.ref);
    expect((await tp.request(`/api/cases?teamId=${teamA}`, { cookie: agentB.cookie })).status).toBe(403);
    const intoA = await tp.request('/api/cases', { cookie: agentB.cookie, body: { summary: 'x', touchpoint: 'branch-visit', channel: 'phone', teamId: teamA } });
    expect(intoA.status).toBe(403);
    // Outside cases an agent sees nothing of the customers' data.
    for (const path of ['/api/contacts', '/api/surveys', '/api/metrics/series', '/api/users']) expect((await tp.request(path, { cookie: agentB.cookie })).status, path).toBe(403);
    expect((await tp.request('/api/auth/me', { cookie: agentB.cookie })).status).toBe(200);
    expect((await tp.request('/api/touchpoints', { cookie: agentB.cookie })).status).toBe(200);
    // Admins see every case; agent A sees its own team's.
    expect((await getCase(admin, opened.ref)).status).toBe(200);
    const listA = (await tp.request('/api/cases?view=team', { cookie: agentA.cookie })).body as CaseList;
    expect(listA.cases.map((c) => c.ref)).toContain(opened.ref);
  });

  it('pause and resume shift the due time by exactly the paused business time', async () => {
    const opened = await openCase(tp.request, agentA.cookie, { teamId: teamA, priority: 'low' });
    expect((await move(tp.request, agentA.cookie, opened.ref, 'acknowledge')).status).toBe(200);
    const before = (await getCase(agentA.cookie, opened.ref)).body as CaseRecordView;
    const dueBefore = new Date(before.clocks.find((c) => c.stage === 'investigate')!.dueAt!).getTime();
    expect(dueBefore).toBe(at(before, 'opened') + 600_000);

    const paused = (await move(tp.request, agentA.cookie, opened.ref, 'wait-on-customer')).body as CaseRecordView;
    expect(paused).toMatchObject({ status: 'waiting-on-customer', resumeTo: 'acknowledged', paused: true });
    expect(paused.clocks.every((c) => c.dueAt === null)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    const resumed = (await move(tp.request, agentA.cookie, opened.ref, 'resume')).body as CaseRecordView;
    expect(resumed.status).toBe('acknowledged');
    const pausedMs = at(resumed, 'moved', 'resume') - at(resumed, 'moved', 'wait-on-customer');
    expect(pausedMs).toBeGreaterThanOrEqual(300);
    expect(new Date(resumed.clocks.find((c) => c.stage === 'investigate')!.dueAt!).getTime()).toBe(dueBefore + pausedMs);
    expect(resumed.clockVersion).toBe(before.clockVersion + 2);
  });

  it('a stage change makes the old stage’s timers do nothing', async () => {
    const opened = await openCase(tp.request, agentA.cookie, { teamId: teamA, assigneeId: agentA.id });
    const acknowledged = (await move(tp.request, agentA.cookie, opened.ref, 'acknowledge')).body as CaseRecordView;
    expect(acknowledged.clockVersion).toBe(1);
    const number = Number(opened.ref.slice(2));
    // The version-0 breach and escalation, fired now by hand and again by their delayed jobs at 2 s.
    expect(await fireSlaTimer(tp.platform.context, { number, stage: 'acknowledge', version: 0, kind: 'breached' })).toEqual({ skipped: 'stale' });
    expect(await fireSlaTimer(tp.platform.context, { number, stage: 'acknowledge', version: 0, kind: 'escalation', level: 'assignee' })).toEqual({ skipped: 'stale' });
    await new Promise((r) => setTimeout(r, 3500));
    const later = (await getCase(agentA.cookie, opened.ref)).body as CaseRecordView;
    expect(later.timeline.map((e) => e.kind)).toEqual(['opened', 'moved']);
    expect(await SendLogModel.countDocuments({ key: new RegExp(`^case-escalation/${opened.ref}/`) })).toBe(0);
    const breached = (await tp.request('/api/cases?view=breached', { cookie: agentA.cookie })).body as CaseList;
    expect(breached.cases.map((c) => c.ref)).not.toContain(opened.ref);
  });

  it('pages the inbox newest first by cursor', async () => {
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) refs.push((await openCase(tp.request, agentB.cookie, { teamId: teamB, priority: 'low' })).ref);
    const first = (await tp.request('/api/cases?limit=2', { cookie: agentB.cookie })).body as CaseList;
    expect(first.cases.map((c) => c.ref)).toEqual([refs[2], refs[1]]);
    const second = (await tp.request(`/api/cases?limit=2&cursor=${first.nextCursor}`, { cookie: agentB.cookie })).body as CaseList;
    expect(second.cases.map((c) => c.ref)).toEqual([refs[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await tp.request('/api/cases?limit=2&sort=oldest', { cookie: agentB.cookie })).status).toBe(400);
  });

  it('assigns in bulk within the team, and reports what it could not assign', async () => {
    const a = await openCase(tp.request, agentA.cookie, { teamId: teamA, priority: 'low' });
    const b = await openCase(tp.request, agentB.cookie, { teamId: teamB, priority: 'low' });
    const reply = await tp.request('/api/cases/bulk-assign', { cookie: agentA.cookie, body: { refs: [a.ref, b.ref], assigneeId: agentA.id } });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ assigned: [a.ref], failed: [{ ref: b.ref, status: 404, detail: `There is no case ${b.ref}.` }] });
    const mine = (await tp.request('/api/cases?view=mine', { cookie: agentA.cookie })).body as CaseList;
    expect(mine.cases.map((c) => c.ref)).toContain(a.ref);
    const note = await tp.request(`/api/cases/${a.ref}/notes`, { cookie: agentA.cookie, body: { text: 'Called back, waiting for the card.' } });
    expect(note.status).toBe(201);
    expect((note.body as CaseRecordView).timeline.map((e) => e.kind)).toEqual(['opened', 'assigned', 'note']);
  });

  it('admin routes validate teams, calendars and policies at the edge, and are closed to agents', async () => {
    const badCalendar = await tp.request(`/api/case-admin/teams/${teamA}/calendar`, { cookie: admin, method: 'PUT', body: { timeZone: 'Mars/Olympus', weeklyHours: {} } });
    expect(badCalendar.status).toBe(400);
    expect((badCalendar.body as { invalid_params: Array<{ name: string }> }).invalid_params.map((p) => p.name)).toEqual(expect.arrayContaining(['body.timeZone']));
    const noFallback = await tp.request('/api/case-admin/sla-policies', { cookie: admin, body: { name: 'No fallback', rules: [SECONDS_POLICY.rules[1]] } });
    expect(noFallback.status).toBe(400);
    const unknownOption = await tp.request('/api/case-admin/sla-policies', { cookie: admin, body: { ...SECONDS_POLICY, pauseOnWeekends: true } });
    expect(unknownOption.status).toBe(400);
    const strangerTeam = await tp.request('/api/case-admin/teams', { cookie: admin, body: { name: 'Ghosts', members: ['0123456789abcdef01234567'], calendar: roundTheClockCalendar() } });
    expect(strangerTeam.status).toBe(400);
    expect((await tp.request('/api/case-admin/teams', { cookie: agentA.cookie })).status).toBe(403);
    const calendar = { timeZone: 'Asia/Shanghai', weeklyHours: { mon: [{ from: '09:00', to: '18:00' }] }, holidays: [{ date: '2026-10-01' }] };
    const saved = await tp.request(`/api/case-admin/teams/${teamB}/calendar`, { cookie: admin, method: 'PUT', body: calendar });
    expect(saved.status, saved.text).toBe(200);
    expect((saved.body as { calendar: unknown }).calendar).toEqual(calendar);
  });

  it('the sweep re-queues timers whose enqueue was lost, and only those past due', async () => {
    const opened = await openCase(tp.request, agentA.cookie, { teamId: teamA });
    const number = Number(opened.ref.slice(2));
    const queue = tp.platform.context.queues.queue(slaTimerJob);
    // A case keeps one delayed job: the next of its timers (each queues the one after it).
    const queued = (await queue.getDelayed()).filter((job) => (job.data as { number: number }).number === number);
    expect(queued.map((job) => job.id)).toEqual([`case-${number}-acknowledge-v0-due-soon`]);
    for (const job of queued) await job.remove();
    await new Promise((r) => setTimeout(r, 2300));
    expect(((await getCase(agentA.cookie, opened.ref)).body as CaseRecordView).timeline.map((e) => e.kind)).toEqual(['opened']);
    // Due soon (1 s), breached and the assignee rung (2 s) are past: the sweep queues the first of them,
    // and each timer queues the next when it fires.
    expect(await sweepCaseTimers(tp.platform.context, 0)).toEqual({ requeued: 1 });
    const swept = await waitUntil(
      async () => (await getCase(agentA.cookie, opened.ref)).body as CaseRecordView,
      (c) => c.timeline.some((e) => e.kind === 'breached') && c.timeline.some((e) => e.kind === 'escalated'),
    );
    expect(swept.timeline.filter((e) => e.kind === 'due-soon')).toHaveLength(1);
    expect((await tp.request('/api/cases?view=breached', { cookie: agentA.cookie })).body).toMatchObject({ cases: expect.arrayContaining([expect.objectContaining({ ref: opened.ref })]) });
  });

  it('names the teams one works in and their members, own teams only for agents, every team for admins', async () => {
    const mine = await tp.request('/api/cases/teams', { cookie: agentA.cookie });
    expect(mine.status, mine.text).toBe(200);
    expect(caseTeamListSchema.parse(mine.body).teams).toEqual([{ id: teamA, name: 'Counter A', lead: null, members: [{ id: agentA.id, name: 'agent.a' }] }]);
    const all = caseTeamListSchema.parse((await tp.request('/api/cases/teams', { cookie: admin })).body);
    expect(all.teams.map((t) => t.id)).toEqual(expect.arrayContaining([teamA, teamB]));
  });

  it("gives the case team the contact's card to reach the customer, and no one else", async () => {
    const contact = await ContactModel.create({ email: 'li.mei@customer.test', name: 'Li Mei', phone: '+86 21 5555 0100', locale: 'zh-CN' });
    const withContact = await openCase(tp.request, agentA.cookie, { teamId: teamA, priority: 'low', contactId: contact._id.toString() });
    const card = await tp.request(`/api/cases/${withContact.ref}/contact`, { cookie: agentA.cookie });
    expect(card.status, card.text).toBe(200);
    expect(card.body).toEqual({ contact: { name: 'Li Mei', email: 'li.mei@customer.test', phone: '+86 21 5555 0100' } });
    expect((await tp.request(`/api/cases/${withContact.ref}/contact`, { cookie: agentB.cookie })).status).toBe(404);
    const without = await openCase(tp.request, agentA.cookie, { teamId: teamA, priority: 'low' });
    expect((await tp.request(`/api/cases/${without.ref}/contact`, { cookie: agentA.cookie })).body).toEqual({ contact: null });
    expect((await tp.request('/api/cases/C-99999999/contact', { cookie: admin })).status).toBe(404);
  });

  it('an agent files a case under a category and clears it; the timeline records both; bad categories are a 400', async () => {
    const names = (en: string) => ({ en, 'zh-CN': `${en}（中文）` });
    for (const key of ['card-fault', 'old-cause']) {
      const made = await tp.request('/api/case-admin/categories', { cookie: admin, body: { key, names: names(key) } });
      expect(made.status, made.text).toBe(201);
    }
    expect((await tp.request('/api/case-admin/categories/old-cause', { cookie: admin, method: 'PUT', body: { names: names('Old'), archived: true } })).status).toBe(200);
    const opened = await openCase(tp.request, agentA.cookie, { teamId: teamA, priority: 'low' });
    const setTo = (cookie: string, body: unknown) => tp.request(`/api/cases/${opened.ref}/category`, { cookie, method: 'PUT', body });

    const set = await setTo(agentA.cookie, { category: 'card-fault' });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ category: 'card-fault' });
    const cleared = await setTo(agentA.cookie, { category: null });
    expect(cleared.status, cleared.text).toBe(200);
    const view = cleared.body as CaseRecordView;
    expect(view.category).toBeNull();
    expect(view.timeline.filter((e) => e.kind === 'categorised')).toEqual([
      expect.objectContaining({ by: agentA.id, data: { from: null, to: 'card-fault' } }),
      expect.objectContaining({ by: agentA.id, data: { from: 'card-fault', to: null } }),
    ]);

    for (const category of ['no-such-cause', 'old-cause']) {
      const refused = await setTo(agentA.cookie, { category });
      expect(refused.status, category).toBe(400);
      expect((refused.body as { invalid_params: Array<{ name: string }> }).invalid_params.map((p) => p.name)).toEqual(['body.category']);
    }
    expect((await setTo(agentA.cookie, { category: 'card-fault', why: 'x' })).status).toBe(400);
    expect((await setTo(agentA.cookie, {})).status).toBe(400);
    expect((await setTo(agentB.cookie, { category: 'card-fault' })).status).toBe(404);
    expect((await setTo(admin, { category: 'card-fault' })).status).toBe(200);
    expect(((await getCase(agentA.cookie, opened.ref)).body as CaseRecordView).timeline.filter((e) => e.kind === 'categorised')).toHaveLength(3);
    // The inbox filters by category: the categorised case only; an uncategorised one never matches.
    const other = await openCase(tp.request, agentA.cookie, { teamId: teamA, priority: 'low' });
    const byCategory = await tp.request('/api/cases?view=team&category=card-fault', { cookie: agentA.cookie });
    expect(byCategory.status, byCategory.text).toBe(200);
    const refs = (byCategory.body as CaseList).cases.map((c) => c.ref);
    expect(refs).toContain(opened.ref);
    expect(refs).not.toContain(other.ref);
    expect((byCategory.body as CaseList).cases.every((c) => c.category === 'card-fault')).toBe(true);
    expect(((await tp.request('/api/cases?view=team&category=old-cause', { cookie: agentA.cookie })).body as CaseList).cases).toEqual([]);
    const badKey = await tp.request('/api/cases?category=Not%20A%20Key', { cookie: agentA.cookie });
    expect(badKey.status).toBe(400);
    expect((badKey.body as { invalid_params: Array<{ name: string }> }).invalid_params.map((p) => p.name)).toEqual(['query.category']);
    // Analysts name categories as improvement actions' root causes: they read the list too.
    const analyst = await staff(tp.request, tp.login, admin, 'analyst@bank.test', 'analyst');
    const listed = await tp.request('/api/case-admin/categories?archived=true', { cookie: analyst.cookie });
    expect(listed.status, listed.text).toBe(200);
    expect((listed.body as { categories: Array<{ key: string }> }).categories.map((c) => c.key)).toEqual(['card-fault', 'old-cause']);
  });
});
