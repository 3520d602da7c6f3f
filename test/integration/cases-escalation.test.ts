import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecordView } from '@shared/cases/case-api.schema';
import { loadConfig } from '../../server/config';
import { fireSlaTimer, slaTimerJob } from '../../server/cases/sla-timer.job';
import { SendLogModel } from '../../server/mail/send-log.model';
import { startPlatform, type Platform } from '../../server/platform';
import { ADMIN, httpClient, newTestId, testPlatformEnv, type TestPlatform } from '../harness/platform';
import { startTestMailbox, type TestMailbox } from '../harness/smtp';
import { spawnEntry, type EntryProcess } from '../harness/spawn-entry';
import { openCase, SECONDS_POLICY, staff, team } from './cases-fixtures';
import { parseMail, waitUntil } from './follow-up-fixtures';

// Two workers take the timers: the platform's own and a real `server/worker.ts` process.
let platform: Platform;
let mailbox: TestMailbox;
let dataDir: string;
let worker: EntryProcess;
let request: TestPlatform['request'];
let login: TestPlatform['login'];
let admin: string;

beforeAll(async () => {
  const id = newTestId();
  mailbox = await startTestMailbox();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `touchpoint-${id}-`));
  const env = { ...testPlatformEnv(id, dataDir, mailbox.url), LOG_LEVEL: 'warn' };
  platform = await startPlatform(loadConfig({ ...env, LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' }), { api: true, workers: true });
  ({ request, login } = httpClient(platform.url!));
  admin = await login();
  worker = spawnEntry('server/worker.ts', { ...env, PUBLIC_URL: platform.url! });
  await worker.waitForLine(/^workers running$/);
});
afterAll(async () => {
  worker?.child.kill('SIGKILL');
  await worker?.exited;
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await platform?.stop();
  await mailbox?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe('SLA breach escalation', () => {
  it('climbs the ladder: each rung’s email goes out once, with two workers and a timer fired again', async () => {
    expect((await request('/api/touchpoints', { cookie: admin, body: { key: 'branch-visit', name: 'Branch visit', owners: ['owner@bank.test'] } })).status).toBe(201);
    const agent = await staff(request, login, admin, 'agent@bank.test');
    const lead = await staff(request, login, admin, 'lead@bank.test');
    const policy = await request('/api/case-admin/sla-policies', { cookie: admin, body: SECONDS_POLICY });
    const teamId = await team(request, admin, { name: 'Counter', members: [agent.id, lead.id], lead: lead.id, slaPolicyId: (policy.body as { id: string }).id });

    const opened = await openCase(request, agent.cookie, { teamId, assigneeId: agent.id });
    const number = Number(opened.ref.slice(2));
    const openedAt = new Date(opened.openedAt).getTime();
    // A second job for each rung, due at the same instant: the two workers race for every email.
    for (const [i, level] of (['assignee', 'team-lead', 'touchpoint-owner', 'admin'] as const).entries()) {
      const delay = Math.max(0, openedAt + 2000 + i * 1000 - Date.now());
      await platform.context.queues.enqueue(slaTimerJob, { number, stage: 'acknowledge', version: 0, kind: 'escalation', level }, { jobId: `duplicate-${number}-${level}`, delay });
    }
    const expected = ['agent@bank.test', 'lead@bank.test', 'owner@bank.test', ADMIN.email];
    const messages = await mailbox.waitFor(4, 15_000);
    const arrived = messages.map(parseMail);
    expect(arrived.map((m) => m.to[0])).toEqual(expected);
    for (const mail of arrived) {
      expect(mail.subject).toBe(`Case ${opened.ref} is overdue: acknowledgement (normal)`);
      expect(mail.text).toContain(`/cases/${opened.ref}`);
    }

    // A rung fired again later (a retry) sends nothing more.
    await fireSlaTimer(platform.context, { number, stage: 'acknowledge', version: 0, kind: 'escalation', level: 'team-lead' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailbox.messages).toHaveLength(4);
    const log = await SendLogModel.find({ kind: 'case-escalation' }).lean();
    expect(log.map((e) => [e.to, e.status]).sort()).toEqual(expected.map((to) => [to, 'sent']).sort());
    expect(log).toHaveLength(4);

    const stored = await waitUntil(
      async () => (await request(`/api/cases/${opened.ref}`, { cookie: agent.cookie })).body as CaseRecordView,
      (c) => c.timeline.filter((e) => e.kind === 'escalated').length === 4,
    );
    expect(stored.timeline.filter((e) => e.kind === 'breached')).toHaveLength(1);
    expect(stored.timeline.filter((e) => e.kind === 'due-soon')).toHaveLength(1);
    expect(stored.timeline.filter((e) => e.kind === 'escalated').map((e) => e.data.level)).toEqual(['assignee', 'team-lead', 'touchpoint-owner', 'admin']);
    expect(stored.clocks.find((c) => c.stage === 'acknowledge')?.breached).toBe(true);
  }, 40_000);
});
