import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecordView } from '@shared/cases/case-api.schema';
import { CaseModel } from '../../server/cases/case.model';
import { ContactModel } from '../../server/contacts/contact.model';
import { issueResponseToken } from '../../server/responses/response-token.service';
import { signedInPage, startBrowserSession, type BrowserSession } from '../harness/browser-session';
import { mailsTo } from '../integration/cases-customer-fixtures';
import { staff, team } from '../integration/cases-fixtures';
import { scoredAnswers, waitUntil } from '../integration/follow-up-fixtures';
import { publishSurvey, validSubmission } from '../integration/responses-fixtures';

// The loop of issue #14 in one run: a low score opens a case, an agent works it to resolution in the
// staff app, and the customer confirms it from the resolution email's link.
const AGENT = { email: 'lin@bank.test', password: 'agent password 123' };
const CUSTOMER = 'mei.li@customer.test';
const MINUTES_POLICY = {
  name: 'Counter service',
  warningRatio: 0.8,
  rules: [{ priority: '*', segment: '*', targets: { acknowledge: 600, investigate: 1200, plan: 1800, answer: 3600, resolve: 7200 } }],
  escalation: [],
};

let tp: BrowserSession;
let survey: { id: string; slug: string; version: number };

beforeAll(async () => {
  tp = await startBrowserSession();
  const admin = await tp.login();
  survey = await publishSurvey(tp, admin);
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch-visit', name: 'Branch visit', owners: ['lead@bank.test'] } })).status).toBe(201);
  const rule = await tp.request(`/api/surveys/${survey.id}/follow-up-rule`, { cookie: admin, method: 'PUT', body: { enabled: true, when: { npsAtMost: 6 }, acknowledge: true, notifyOwners: false } });
  expect(rule.status, rule.text).toBe(200);
  const agent = await staff(tp.request, tp.login, admin, AGENT.email);
  const policy = await tp.request('/api/case-admin/sla-policies', { cookie: admin, body: MINUTES_POLICY });
  const teamId = await team(tp.request, admin, { name: 'Counter', members: [agent.id], slaPolicyId: (policy.body as { id: string }).id });
  const rules = await tp.request('/api/case-admin/intake-rules', {
    cookie: admin,
    method: 'PUT',
    body: { defaultTeamId: teamId, routes: [], priorities: [], defaultPriority: 'normal' },
  });
  expect(rules.status, rules.text).toBe(200);
});
afterAll(async () => {
  await tp?.stop();
});

describe('from a low score to a confirmed resolution', () => {
  it('an agent takes the case the low score opened through to resolution; the customer confirms it', async () => {
    // The customer answers a personal link with NPS 2.
    const contact = await ContactModel.create({ email: CUSTOMER, name: 'Li Mei', locale: 'en' });
    const { token } = await issueResponseToken({ surveyId: survey.id, contactId: contact._id, segment: 'standard', touchpoint: 'branch-visit', channel: 'on-site', expiresAt: new Date(Date.now() + 86_400_000) });
    const posted = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body: validSubmission(survey.version, { token, answers: scoredAnswers(2, 2) }), csrf: false });
    expect(posted.status, posted.text).toBe(201);
    const opened = await waitUntil(() => CaseModel.findOne({ 'origin.responseId': (posted.body as { id: string }).id }).lean(), (c) => c !== null, 15_000);
    const ref = `C-${String(opened!.number).padStart(6, '0')}`;

    // The agent finds it in the team's inbox and works it.
    const page = await signedInPage(tp, { as: AGENT });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('button', { name: 'My team' }).click();
    await page.getByRole('row').filter({ hasText: ref }).filter({ hasText: 'Low score' }).waitFor();
    await page.getByRole('link', { name: ref }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${ref} · Low score`) }).waitFor();
    expect(await page.locator('.case-facts > div').allTextContents()).toEqual(expect.arrayContaining(['SourceLow score follow-up', 'TouchpointBranch visit', 'Channelon-site', `ContactLi Mei <${CUSTOMER}>`]));

    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await page.getByText('Acknowledge: now Acknowledged.').waitFor();
    await page.getByRole('button', { name: 'Start investigation', exact: true }).click();
    await page.getByText('Start investigation: now Investigating.').waitFor();
    await page.getByRole('textbox', { name: 'Message' }).fill('We found the fault in the queue system and fixed it. Sorry for the wait.');
    await page.getByRole('button', { name: 'Send to customer' }).click();
    await page.getByText('Wrote to the customer (emailed).').waitFor();
    await page.getByRole('button', { name: 'Propose plan', exact: true }).click();
    await page.getByText('Propose plan: now Plan proposed.').waitFor();
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    await page.getByText('Resolve: now Resolved.').waitFor();

    // The customer gets the resolution email and answers "yes" with a CSAT on the handling.
    const mails = await waitUntil(async () => mailsTo(tp.mailbox.messages, CUSTOMER), (m) => m.some((mail) => mail.text.includes(ref) && /resolved/i.test(mail.subject)), 15_000);
    const resolution = mails.find((mail) => mail.text.includes(ref) && /resolved/i.test(mail.subject))!;
    expect(mails.some((mail) => mail.text.includes('We found the fault in the queue system'))).toBe(true);
    const link = /https?:\/\/\S+\/c\/\S+/.exec(resolution.text)![0];
    const phone = await (await tp.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await phone.goto(link);
    await phone.getByText('We found the fault in the queue system and fixed it. Sorry for the wait.').waitFor();
    await phone.getByRole('group', { name: 'Was your issue resolved?' }).getByRole('radio', { name: 'Yes' }).check();
    await phone.getByRole('radio', { name: '5 – Very satisfied' }).check();
    await phone.getByRole('button', { name: 'Send my answer' }).click();
    await phone.getByRole('status').getByText('We are glad your issue is resolved.').waitFor();

    // The agent sees the confirmation on the case's timeline.
    await page.reload();
    await page.getByText('The customer confirmed the issue is resolved (handling CSAT 5/5).').waitFor();
    const stored = (await tp.request(`/api/cases/${ref}`, { cookie: await tp.login(AGENT.email, AGENT.password) })).body as CaseRecordView;
    expect(stored.status).toBe('resolved');
    expect(await CaseModel.findOne({ number: opened!.number }, { resolvedConfirmed: 1, handlingCsat: 1 }).lean()).toMatchObject({ resolvedConfirmed: true, handlingCsat: 5 });
    await phone.context().close();
    await page.context().close();
  });
});
