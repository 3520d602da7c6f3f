import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseCategory } from '@shared/cases/case-category.schema';
import type { CaseRecordView } from '@shared/cases/case-api.schema';
import type { CreatedWebhookEndpoint } from '@shared/webhooks/webhook.schema';
import { openCaseOnce } from '../../server/cases/case-intake.service';
import { afterCaseChanged } from '../../server/cases/case-events';
import { CaseModel, type CaseRecord } from '../../server/cases/case.model';
import { ContactModel } from '../../server/contacts/contact.model';
import { AlertModel } from '../../server/scores/alert.model';
import { targetAlertEmailJob } from '../../server/scores/alerts.job';
import { openBreachCase } from '../../server/scores/breach-case.service';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { openCase, SECONDS_POLICY, staff, team } from './cases-fixtures';
import { waitUntil } from './follow-up-fixtures';
import { readmeVerifier, startReceiver } from './webhooks-fixtures';

let tp: TestPlatform;
let admin: string;
let agent: { id: string; cookie: string };
let counterTeam: string;
let phoneTeam: string;
let fallbackTeam: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  tp = await startTestPlatform({ WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' });
  admin = await tp.login();
  for (const key of ['branch-visit', 'mobile-app']) expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key, name: key } })).status).toBe(201);
  agent = await staff(tp.request, tp.login, admin, 'intake.agent@bank.test');
  const policy = await tp.request('/api/case-admin/sla-policies', { cookie: admin, body: { ...SECONDS_POLICY, rules: SECONDS_POLICY.rules.map((r) => ({ ...r, targets: { acknowledge: 600, investigate: 600, plan: 600, answer: 600, resolve: 600 } })) } });
  const slaPolicyId = (policy.body as { id: string }).id;
  counterTeam = await team(tp.request, admin, { name: 'Counter', members: [agent.id], slaPolicyId });
  phoneTeam = await team(tp.request, admin, { name: 'Phone', members: [], slaPolicyId });
  fallbackTeam = await team(tp.request, admin, { name: 'Fallback', members: [], slaPolicyId });
});
afterAll(async () => {
  await tp?.stop();
  await receiver?.stop();
});

const names = (en: string) => ({ en, 'zh-CN': `${en}（中文）` });

describe('case categories', () => {
  it('admins keep a taxonomy; a case must carry an existing, non-archived key (400 otherwise)', async () => {
    const root = await tp.request('/api/case-admin/categories', { cookie: admin, body: { key: 'waiting', names: names('Waiting') } });
    expect(root.status, root.text).toBe(201);
    expect(root.body).toEqual({ key: 'waiting', names: names('Waiting'), parent: null, archived: false });
    const child = await tp.request('/api/case-admin/categories', { cookie: admin, body: { key: 'queue-too-long', names: names('Queue'), parent: 'waiting' } });
    expect(child.status, child.text).toBe(201);
    expect((await tp.request('/api/case-admin/categories', { cookie: admin, body: { key: 'waiting', names: names('Again') } })).status).toBe(409);
    const orphan = await tp.request('/api/case-admin/categories', { cookie: admin, body: { key: 'lost', names: names('Lost'), parent: 'nowhere' } });
    expect(orphan.status).toBe(400);
    expect((orphan.body as { invalid_params: Array<{ name: string }> }).invalid_params[0]!.name).toBe('body.parent');
    // A parent may not become its own descendant.
    const loop = await tp.request('/api/case-admin/categories/waiting', { cookie: admin, method: 'PUT', body: { names: names('Waiting'), parent: 'queue-too-long' } });
    expect(loop.status).toBe(400);
    expect((await tp.request('/api/case-admin/categories', { cookie: admin, body: { key: 'Bad Key', names: names('x') } })).status).toBe(400);
    expect((await tp.request('/api/case-admin/categories', { cookie: admin, body: { key: 'extra', names: names('x'), colour: 'red' } })).status).toBe(400);

    const withCategory = await openCase(tp.request, agent.cookie, { teamId: counterTeam, priority: 'low', category: 'queue-too-long' });
    expect(withCategory.category).toBe('queue-too-long');
    const unknown = await tp.request('/api/cases', { cookie: agent.cookie, body: { summary: 'x', touchpoint: 'branch-visit', channel: 'phone', teamId: counterTeam, category: 'no-such' } });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((unknown.body as { invalid_params: Array<{ name: string }> }).invalid_params.map((p) => p.name)).toEqual(['body.category']);

    // Archived instead of deleted: listed only on request, refused on new cases, kept on old ones.
    const archived = await tp.request('/api/case-admin/categories/queue-too-long', { cookie: admin, method: 'PUT', body: { names: names('Queue'), parent: 'waiting', archived: true } });
    expect(archived.status, archived.text).toBe(200);
    const listed = (await tp.request('/api/case-admin/categories', { cookie: agent.cookie })).body as { categories: CaseCategory[] };
    expect(listed.categories.map((c) => c.key)).toEqual(['waiting']);
    const all = (await tp.request('/api/case-admin/categories?archived=true', { cookie: admin })).body as { categories: CaseCategory[] };
    expect(all.categories.map((c) => [c.key, c.archived])).toEqual([['queue-too-long', true], ['waiting', false]]);
    const refused = await tp.request('/api/cases', { cookie: agent.cookie, body: { summary: 'x', touchpoint: 'branch-visit', channel: 'phone', teamId: counterTeam, category: 'queue-too-long' } });
    expect(refused.status).toBe(400);
    expect(((await tp.request(`/api/cases/${withCategory.ref}`, { cookie: agent.cookie })).body as CaseRecordView).category).toBe('queue-too-long');
    // Agents read categories but do not edit them.
    expect((await tp.request('/api/case-admin/categories', { cookie: agent.cookie, body: { key: 'mine', names: names('Mine') } })).status).toBe(403);
  });
});

describe('routing and priority rules', () => {
  it('are validated against teams and categories, then route cases no agent placed', async () => {
    const bad = await tp.request('/api/case-admin/intake-rules', {
      cookie: admin,
      method: 'PUT',
      body: { defaultTeamId: '0123456789abcdef01234567', routes: [{ touchpoint: '*', channel: 'phone', teamId: phoneTeam }], priorities: [{ categories: ['no-such'], priority: 'high' }] },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { invalid_params: Array<{ name: string }> }).invalid_params.map((p) => p.name)).toEqual(['body.defaultTeamId', 'body.priorities.0.categories.0']);
    const rules = {
      defaultTeamId: fallbackTeam,
      routes: [
        { touchpoint: 'branch-visit', channel: 'phone', teamId: phoneTeam },
        { touchpoint: 'branch-visit', channel: '*', teamId: counterTeam },
      ],
      priorities: [
        { segments: ['vip', 'strategic'], priority: 'high' },
        { score: { metric: 'nps', atMost: 6 }, priority: 'normal' },
        { score: { metric: 'nps', atMost: 2 }, segments: ['vip'], priority: 'urgent' },
        { categories: ['waiting'], priority: 'high' },
      ],
      defaultPriority: 'low',
    };
    const saved = await tp.request('/api/case-admin/intake-rules', { cookie: admin, method: 'PUT', body: rules });
    expect(saved.status, saved.text).toBe(200);
    expect((await tp.request('/api/case-admin/intake-rules', { cookie: admin })).body).toEqual(rules);
    expect((await tp.request('/api/case-admin/intake-rules', { cookie: agent.cookie })).status).toBe(403);

    const open = (key: string, over: Record<string, unknown>) =>
      openCaseOnce(tp.platform.context, {
        source: 'follow-up',
        originKey: `test/${key}`,
        origin: { key },
        summary: key,
        touchpoint: 'branch-visit',
        channel: 'on-site',
        segment: 'standard',
        scores: {},
        ...over,
      }).then((r) => r.case);
    const phoneVip = await open('phone-vip', { channel: 'phone', segment: 'vip', scores: { nps: 1 } });
    expect([phoneVip.teamId.toString(), phoneVip.priority]).toEqual([phoneTeam, 'urgent']);
    const counter = await open('counter', { scores: { nps: 5 } });
    expect([counter.teamId.toString(), counter.priority]).toEqual([counterTeam, 'normal']);
    const elsewhere = await open('elsewhere', { touchpoint: 'mobile-app', channel: 'app', category: 'waiting' });
    expect([elsewhere.teamId.toString(), elsewhere.priority]).toEqual([fallbackTeam, 'high']);
    const plain = await open('plain', { touchpoint: 'mobile-app', channel: 'app' });
    expect(plain.priority).toBe('low');
  });

  it('opens one case per origin however many open it at once', async () => {
    const intake = {
      source: 'follow-up' as const,
      originKey: 'test/race',
      origin: { race: true },
      summary: 'race',
      touchpoint: 'branch-visit',
      channel: 'on-site',
      segment: 'standard',
      scores: {},
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => openCaseOnce(tp.platform.context, intake)));
    expect(new Set(results.map((r) => r.case.number)).size).toBe(1);
    expect(results.filter((r) => r.opened).length).toBeGreaterThanOrEqual(1);
    expect(await CaseModel.countDocuments({ 'origin.race': true })).toBe(1);
  });
});

describe('a target breach', () => {
  it('opens one internal case for the touchpoint owner per alert, however often its job runs', async () => {
    const lobby = await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'lobby', name: 'Lobby', owners: ['Intake.Agent@bank.test'] } });
    expect(lobby.status, lobby.text).toBe(201);
    const rules = (await tp.request('/api/case-admin/intake-rules', { cookie: admin })).body as { routes: unknown[] };
    const saved = await tp.request('/api/case-admin/intake-rules', { cookie: admin, method: 'PUT', body: { ...rules, routes: [{ touchpoint: 'lobby', channel: '*', teamId: counterTeam }, ...rules.routes] } });
    expect(saved.status, saved.text).toBe(200);
    const before = tp.mailbox.messages.length;
    const alert = await AlertModel.create({ touchpoint: 'lobby', window: 7, metric: 'nps', kind: 'breach', value: 12.5, target: 40, n: 16, at: new Date() });
    const alertId = alert._id.toString();
    const queues = tp.platform.context.queues;
    await Promise.all([1, 2].map((n) => queues.enqueue(targetAlertEmailJob, { alertId }, { jobId: `target-alert-${alertId}-${n}` })));
    await Promise.all([1, 2].map(() => openBreachCase(tp.platform.context, alertId)));
    const cases = await waitUntil(() => CaseModel.find({ 'origin.alertId': alertId }).lean(), (list) => list.length > 0);
    // The owner is emailed once (send log), whatever ran twice.
    await tp.mailbox.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await CaseModel.countDocuments({ 'origin.alertId': alertId })).toBe(1);
    expect(cases[0]).toMatchObject({ source: 'target-breach', touchpoint: 'lobby', channel: 'all-channels', segment: 'internal', status: 'new' });
    expect(cases[0]!.teamId.toString()).toBe(counterTeam);
    expect(cases[0]!.assigneeId?.toString()).toBe(agent.id);
    expect(cases[0]!.summary).toBe('Lobby: NPS 12.5 below its target 40 (last 7 days)');
    expect(tp.mailbox.messages.length).toBe(before + 1);

    const recovery = await AlertModel.create({ touchpoint: 'lobby', window: 7, metric: 'nps', kind: 'recovery', value: 45, target: 40, n: 20, at: new Date() });
    expect(await openBreachCase(tp.platform.context, recovery._id.toString())).toBeNull();
    expect(await CaseModel.countDocuments({ 'origin.alertId': recovery._id.toString() })).toBe(0);
  });
});

describe('case webhooks', () => {
  it('deliver case.opened, case.moved and case.resolved, signed, once per timeline entry', async () => {
    const created = await tp.request('/api/webhooks', { cookie: admin, body: { url: receiver.url('/cases'), events: ['case.opened', 'case.moved', 'case.resolved'] } });
    expect(created.status, created.text).toBe(201);
    const endpoint = created.body as CreatedWebhookEndpoint;
    const opened = await openCase(tp.request, agent.cookie, { teamId: counterTeam, priority: 'low' });
    const resolved = await tp.request(`/api/cases/${opened.ref}/transitions`, { cookie: agent.cookie, body: { move: 'resolve', note: 'internal: customer was rude' } });
    expect(resolved.status, resolved.text).toBe(200);
    // An assignment and a note are not subscribed / not announced.
    expect((await tp.request(`/api/cases/${opened.ref}/notes`, { cookie: agent.cookie, body: { text: 'only for us' } })).status).toBe(201);
    // Only this case's: a job of an earlier test re-telling its case's opening may land here too.
    const ofThisCase = () => receiver.at('/cases').filter((r) => r.body.includes(`"case":"${opened.ref}"`));
    const got = await waitUntil(async () => ofThisCase(), (list) => list.length >= 3);
    await new Promise((r) => setTimeout(r, 500));
    const bodies = ofThisCase().map((r) => JSON.parse(r.body) as { id: string; type: string; data: { case: string; status: string; change: Record<string, unknown> } });
    expect(bodies.map((b) => b.type).sort()).toEqual(['case.moved', 'case.opened', 'case.resolved']);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(3);
    for (const b of bodies) expect(b.data.case).toBe(opened.ref);
    const moved = bodies.find((b) => b.type === 'case.moved')!;
    expect(moved.data.change).toMatchObject({ kind: 'moved', move: 'resolve', from: 'new', to: 'resolved', by: agent.id });
    expect(JSON.stringify(bodies)).not.toContain('rude');
    const verify = await readmeVerifier();
    for (const r of got) expect(() => verify(endpoint.secret, r.headers, r.body)).not.toThrow();
    // Told again (a retried change), the entry makes no second delivery.
    const doc = (await CaseModel.findOne({ number: Number(opened.ref.slice(2)) }).lean()) as CaseRecord;
    await afterCaseChanged(tp.platform.context, doc, 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(ofThisCase()).toHaveLength(3);
  });
});

describe('the public complaint form', () => {
  const complaint = (over: Record<string, unknown> = {}) => ({
    submissionId: randomUUID(),
    name: 'Chen Jing',
    email: 'Chen.Jing@Example.test',
    description: 'The queue took 50 minutes and nobody explained why.\nPlease call me back.',
    locale: 'zh-CN',
    elapsedMs: 40_000,
    ...over,
  });

  it('shows the form of a touchpoint and opens a routed case, once per submission', async () => {
    const form = await tp.request('/api/public/complaints/branch-visit');
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({ touchpoint: { key: 'branch-visit', name: 'branch-visit' }, channels: expect.any(Array) });
    expect((await tp.request('/api/public/complaints/moon-base')).status).toBe(404);

    const body = complaint();
    const filed = await tp.request('/api/public/complaints/branch-visit', { body, csrf: false });
    expect(filed.status, filed.text).toBe(201);
    const ref = (filed.body as { case: string }).case;
    expect(ref).toMatch(/^C-\d{6}$/);
    const again = await tp.request('/api/public/complaints/branch-visit', { body, csrf: false });
    expect([again.status, again.body]).toEqual([200, { case: ref }]);

    const view = (await tp.request(`/api/cases/${ref}`, { cookie: admin })).body as CaseRecordView;
    const contact = await ContactModel.findOne({ email: 'chen.jing@example.test' }).lean();
    expect(view).toMatchObject({
      source: 'complaint-form',
      summary: 'The queue took 50 minutes and nobody explained why.',
      touchpoint: 'branch-visit',
      channel: 'complaint-form',
      teamId: counterTeam,
      priority: 'low',
      contactId: contact!._id.toString(),
    });
    expect(view.description).toContain('Please call me back.');
    expect(view.description).toContain('Chen Jing · chen.jing@example.test');
    expect(contact).toMatchObject({ name: 'Chen Jing', locale: 'zh-CN' });
  });

  it('refuses bad input with a 400 problem and stores nothing; a bot-like one is kept at low priority', async () => {
    const before = await CaseModel.countDocuments({ source: 'complaint-form' });
    const refuse = async (body: Record<string, unknown>, names: string[]) => {
      const reply = await tp.request('/api/public/complaints/branch-visit', { body, csrf: false });
      expect(reply.status, reply.text).toBe(400);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((reply.body as { invalid_params: Array<{ name: string }> }).invalid_params.map((p) => p.name)).toEqual(names);
    };
    await refuse(complaint({ email: undefined }), ['body.email']);
    await refuse(complaint({ email: 'not-an-address' }), ['body.email']);
    await refuse(complaint({ description: 'bad' }), ['body.description']);
    await refuse(complaint({ channel: 'carrier-pigeon' }), ['body.channel']);
    await refuse(complaint({ attachments: ['x.png'] }), ['body']);
    expect(await CaseModel.countDocuments({ source: 'complaint-form' })).toBe(before);

    // Only a phone number is fine; a filled honeypot is kept (false alarms lose nothing) at low priority.
    const byPhone = await tp.request('/api/public/complaints/branch-visit', { body: complaint({ email: undefined, phone: '+86 21 5555 0100', website: 'spam.example' }), csrf: false });
    expect(byPhone.status, byPhone.text).toBe(201);
    const doc = await CaseModel.findOne({ number: Number((byPhone.body as { case: string }).case.slice(2)) }).lean();
    expect(doc).toMatchObject({ priority: 'low', contactId: null, origin: { phone: '+86 21 5555 0100', flags: ['honeypot'] } });
  });
});
