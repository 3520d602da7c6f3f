import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecordView } from '@shared/cases/case-api.schema';
import { CaseModel } from '../../server/cases/case.model';
import { ContactModel } from '../../server/contacts/contact.model';
import { expectNoSeriousAxeViolations, startBrowserSession, type BrowserSession } from '../harness/browser-session';
import { agentWithTeam, caseLinkTokenIn, mailsTo } from '../integration/cases-customer-fixtures';
import { move, openCase } from '../integration/cases-fixtures';
import { waitUntil } from '../integration/follow-up-fixtures';

let tp: BrowserSession;
let agent: { id: string; cookie: string };
let teamId: string;

beforeAll(async () => {
  tp = await startBrowserSession();
  ({ agent, teamId } = await agentWithTeam(tp));
});
afterAll(async () => {
  await tp?.stop();
});

/** A resolved case of a new contact, with one message from the agent; returns its ref and the resolution email's link. */
async function resolvedCase(email: string, locale: 'en' | 'zh-CN' = 'en'): Promise<{ ref: string; link: string }> {
  const contact = await ContactModel.create({ email, name: 'Ann', locale });
  const opened = await openCase(tp.request, agent.cookie, { teamId, priority: 'low', assigneeId: agent.id, contactId: contact._id.toString() });
  await move(tp.request, agent.cookie, opened.ref, 'acknowledge');
  await tp.request(`/api/cases/${opened.ref}/messages`, { cookie: agent.cookie, body: { text: 'Your card works again.' } });
  expect((await move(tp.request, agent.cookie, opened.ref, 'resolve')).status).toBe(200);
  const mails = await waitUntil(async () => mailsTo(tp.mailbox.messages, email), (m) => m.length === 3);
  const resolution = mails.find((m) => m.text.includes(opened.ref) && /resolved|已处理完毕/.test(m.subject))!;
  const link = /https?:\/\/\S+\/c\/\S+/.exec(resolution.text)![0];
  expect(link.endsWith(caseLinkTokenIn(resolution))).toBe(true);
  return { ref: opened.ref, link };
}

/** A phone-sized page, as most customers open their email. */
async function phonePage(locale = 'en-US'): Promise<Page> {
  const context = await tp.browser.newContext({ locale, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  return context.newPage();
}

const stored = async (ref: string) => (await CaseModel.findOne({ number: Number(ref.slice(2)) }).lean())!;

describe('the customer case page in Chromium', () => {
  it('opens from the resolution email, shows the agent’s message, and takes "yes" with a CSAT', async () => {
    const { ref, link } = await resolvedCase('ann@customer.test');
    const page = await phonePage();
    await page.goto(link);
    await page.getByRole('heading', { name: `Your case ${ref}` }).waitFor();
    await page.getByText('Your card works again.').waitFor();
    await expectNoSeriousAxeViolations(page);

    // Sending without answering says what is missing; then answer by clicking like a person.
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByRole('alert').getByText('Please answer both questions.').waitFor();
    await page.getByRole('group', { name: 'Was your issue resolved?' }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('radio', { name: '5 – Very satisfied' }).check();
    await page.getByLabel('Anything you would like to add? (optional)').fill('Quick and friendly.');
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByRole('status').getByText('We are glad your issue is resolved.').waitFor();
    expect(await page.getByRole('button', { name: 'Send my answer' }).count()).toBe(0);

    expect(await stored(ref)).toMatchObject({ status: 'resolved', resolvedConfirmed: true, handlingCsat: 5 });
    const view = (await tp.request(`/api/cases/${ref}`, { cookie: agent.cookie })).body as CaseRecordView;
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'resolution-feedback', data: { resolved: true, csat: 5, comment: 'Quick and friendly.' } });

    // Opened again, the link says it was answered.
    await page.reload();
    await page.getByText('You have already answered for this resolution. Thank you!').waitFor();
    await page.context().close();
  });

  it('"no" reopens the case, in Chinese for a Chinese contact, and the customer can write again', async () => {
    const { ref, link } = await resolvedCase('wang@customer.test', 'zh-CN');
    const page = await phonePage('zh-CN');
    await page.goto(link);
    await page.getByRole('heading', { name: `您的工单 ${ref}` }).waitFor();
    await page.getByRole('group', { name: '您的问题解决了吗？' }).getByRole('radio', { name: '未解决' }).check();
    await page.getByRole('radio', { name: '2 – 不满意' }).check();
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByRole('status').getByText('我们已重新打开您的工单').waitFor();

    const reopened = (await tp.request(`/api/cases/${ref}`, { cookie: agent.cookie })).body as CaseRecordView;
    expect(reopened.status).toBe('investigating');
    expect(reopened.timeline.at(-1)).toMatchObject({ kind: 'moved', by: null, data: { move: 'reopen', onBehalfOf: 'customer' } });
    expect(await stored(ref)).toMatchObject({ resolvedConfirmed: false, handlingCsat: 2 });

    // The reopened case takes a reply from the same page.
    await page.getByLabel('您的回复').fill('卡还是不能用。');
    await page.getByRole('button', { name: '发送' }).click();
    await page.getByRole('status').getByText('您的回复已送达').waitFor();
    await page.getByText('卡还是不能用。').waitFor();
    expect(((await tp.request(`/api/cases/${ref}`, { cookie: agent.cookie })).body as CaseRecordView).timeline.at(-1)).toMatchObject({ kind: 'customer-reply', data: { text: '卡还是不能用。' } });
    await page.context().close();
  });

  it('a tampered link shows a page that says it is not valid', async () => {
    const { link } = await resolvedCase('eve@customer.test');
    const page = await phonePage();
    const response = await page.goto(link.replace(/\/c\/(\d+)-/, (_m, n: string) => `/c/${Number(n) + 1000}-`));
    expect(response?.status()).toBe(403);
    await page.getByRole('heading', { name: 'Link not valid' }).waitFor();
    await page.context().close();
  });
});
