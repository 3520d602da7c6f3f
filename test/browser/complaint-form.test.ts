import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTheClockCalendar } from '../../shared/cases/business-calendar.schema';
import type { CaseRecordView } from '../../shared/cases/case-api.schema';
import { expectNoSeriousAxeViolations, startBrowserSession, type BrowserSession } from '../harness/browser-session';

let tp: BrowserSession;
let admin: string;

beforeAll(async () => {
  tp = await startBrowserSession({ RESPOND_RATE_PER_IP: '10000', RESPOND_MIN_FILL_MS: '0' });
  admin = await tp.login();
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch', name: 'Riverside branch' } })).status).toBe(201);
  const team = await tp.request('/api/case-admin/teams', { cookie: admin, body: { name: 'Complaints desk', calendar: roundTheClockCalendar() } });
  expect(team.status, team.text).toBe(201);
  const rules = await tp.request('/api/case-admin/intake-rules', { cookie: admin, method: 'PUT', body: { defaultTeamId: (team.body as { id: string }).id } });
  expect(rules.status, rules.text).toBe(200);
});
afterAll(async () => {
  await tp?.stop();
});

describe('the public complaint form', () => {
  it('a customer files a complaint in Chinese, fixes a refused field, and staff find the case', async () => {
    const context = await tp.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${tp.url}/complain/branch`);
    await page.getByRole('heading', { name: '请告诉我们您在Riverside branch遇到的问题' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel('您的姓名 *').fill('王芳');
    await page.getByLabel('电子邮箱').fill('not-an-address');
    await page.getByLabel('发生了什么？*').fill('柜台排队等了五十分钟，没有人解释原因。');
    await page.getByRole('button', { name: '提交投诉' }).click();
    // Refused: the form keeps what was typed and says which field to fix.
    await page.getByRole('alert').filter({ hasText: '有些内容需要您修改。' }).waitFor();
    expect(await page.getByLabel('电子邮箱').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('发生了什么？*').inputValue()).toBe('柜台排队等了五十分钟，没有人解释原因。');

    await page.getByLabel('电子邮箱').fill('wang.fang@example.test');
    await page.getByRole('button', { name: '提交投诉' }).click();
    const thanks = page.getByRole('heading', { name: '谢谢，我们已收到您的投诉' });
    await thanks.waitFor();
    const text = await page.locator('main p').first().textContent();
    const ref = /C-\d{6}/.exec(text ?? '')?.[0];
    expect(ref).toBeDefined();

    const found = await tp.request(`/api/cases/${ref}`, { cookie: admin });
    expect(found.status).toBe(200);
    expect(found.body as CaseRecordView).toMatchObject({ source: 'complaint-form', touchpoint: 'branch', summary: '柜台排队等了五十分钟，没有人解释原因。' });
    await context.close();
  });

  it('says so when a touchpoint has no form', async () => {
    const context = await tp.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${tp.url}/complain/moon-base`);
    await page.getByRole('heading', { name: 'Form not found' }).waitFor();
    await context.close();
  });
});
