import { expect } from 'vitest';
import { roundTheClockCalendar } from '@shared/cases/business-calendar.schema';
import type { CaseRecordView } from '@shared/cases/case-api.schema';
import type { TestPlatform } from '../harness/platform';

type Request = TestPlatform['request'];

/**
 * A policy in seconds on a round-the-clock calendar: normal cases breach acknowledgement after 2 s and
 * climb the whole ladder a second per rung; low-priority cases have minutes, for tests that must not breach.
 */
export const SECONDS_POLICY = {
  name: 'Seconds',
  warningRatio: 0.5,
  rules: [
    { priority: '*', segment: '*', targets: { acknowledge: 2, investigate: 300, plan: 300, answer: 300, resolve: 300 } },
    { priority: 'low', segment: '*', targets: { acknowledge: 600, investigate: 600, plan: 600, answer: 600, resolve: 600 } },
  ],
  escalation: [
    { level: 'assignee', afterSeconds: 0 },
    { level: 'team-lead', afterSeconds: 1 },
    { level: 'touchpoint-owner', afterSeconds: 2 },
    { level: 'admin', afterSeconds: 3 },
  ],
};

/** Creates a staff user and signs them in. */
export async function staff(request: Request, login: TestPlatform['login'], admin: string, email: string, role = 'agent'): Promise<{ id: string; cookie: string }> {
  const password = 'agent password 123';
  const created = await request('/api/users', { cookie: admin, body: { email, name: email.split('@')[0], role, password } });
  expect(created.status, created.text).toBe(201);
  return { id: (created.body as { user: { id: string } }).user.id, cookie: await login(email, password) };
}

export async function team(request: Request, admin: string, body: { name: string; members: string[]; lead?: string | null; slaPolicyId: string }): Promise<string> {
  const reply = await request('/api/case-admin/teams', { cookie: admin, body: { ...body, calendar: roundTheClockCalendar() } });
  expect(reply.status, reply.text).toBe(201);
  return (reply.body as { id: string }).id;
}

export async function openCase(request: Request, cookie: string, body: Record<string, unknown>): Promise<CaseRecordView> {
  const reply = await request('/api/cases', { cookie, body: { summary: 'Card blocked at the counter', touchpoint: 'branch-visit', channel: 'on-site', ...body } });
  expect(reply.status, reply.text).toBe(201);
  return reply.body as CaseRecordView;
}

export async function move(request: Request, cookie: string, ref: string, moveName: string) {
  return request(`/api/cases/${ref}/transitions`, { cookie, body: { move: moveName } });
}
