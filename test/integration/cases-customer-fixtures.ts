import { expect } from 'vitest';
import type { CapturedMessage } from '../../server/lib/embedded/smtp-capture';
import type { TestPlatform } from '../harness/platform';
import { SECONDS_POLICY, staff, team } from './cases-fixtures';
import { parseMail, type ParsedMail } from './follow-up-fixtures';

/** The `branch-visit` touchpoint, an agent and their team on the seconds policy: what customer-side suites work cases with. */
export async function agentWithTeam(tp: Pick<TestPlatform, 'request' | 'login'>): Promise<{ agent: { id: string; cookie: string }; teamId: string }> {
  const admin = await tp.login();
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch-visit', name: 'Branch visit' } })).status).toBe(201);
  const agent = await staff(tp.request, tp.login, admin, 'agent@bank.test');
  const policy = await tp.request('/api/case-admin/sla-policies', { cookie: admin, body: SECONDS_POLICY });
  const teamId = await team(tp.request, admin, { name: 'Counter', members: [agent.id], slaPolicyId: (policy.body as { id: string }).id });
  return { agent, teamId };
}

/** The customer emails of one case, by recipient and subject, parsed. */
export function mailsTo(messages: CapturedMessage[], to: string): ParsedMail[] {
  return messages.map(parseMail).filter((m) => m.to.includes(to));
}

/** The `/c/<token>` token in an email's text body (the customer page's signed link). */
export function caseLinkTokenIn(mail: ParsedMail): string {
  const token = /\/c\/([0-9]+-[0-9]+-[0-9]+\.[A-Za-z0-9_-]{22})/.exec(mail.text)?.[1];
  expect(token, mail.text).toBeDefined();
  return token!;
}
