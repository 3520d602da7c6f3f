import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, signIn, startBrowserSession, type BrowserSession } from '../harness/browser-session';

let tp: BrowserSession;
beforeAll(async () => {
  tp = await startBrowserSession();
});
afterAll(() => tp?.stop());

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const containing = (text: string) => new RegExp(escape(text));

/** What a person reads on screen in each language; the survey texts come from the SERVQUAL and NPS templates. */
const RUNS = [
  {
    locale: 'en-US',
    surveyName: 'Branch service quality',
    ui: {
      email: 'Email',
      password: 'Password',
      signIn: 'Sign in',
      surveys: 'Surveys',
      surveyName: 'Survey name',
      template: 'SERVQUAL service quality survey',
      create: 'Create survey',
      questionText: 'Question text (English)',
      nps: 'NPS',
      saved: 'All changes saved',
      publish: 'Publish…',
      firstVersion: 'This will be the first published version.',
      confirm: 'Publish version 1',
      published: 'Version 1 published.',
      added: 'Questions added: 45',
      publishedBadge: 'Published',
      publicLink: 'Public link',
      copy: 'Copy link',
      copied: 'Link copied.',
      open: 'Open survey',
    },
    firstQuestion: 'Excellent service providers will have modern-looking equipment.',
    editedQuestion: 'Our branches should have modern, well-kept equipment.',
    npsQuestion: 'How likely are you to recommend this service to a friend or colleague?',
  },
  {
    locale: 'zh-CN',
    surveyName: '网点服务质量',
    ui: {
      email: '电子邮箱',
      password: '密码',
      signIn: '登录',
      surveys: '问卷',
      surveyName: '问卷名称',
      template: 'SERVQUAL 服务质量调查',
      create: '创建问卷',
      questionText: '题目文字（简体中文）',
      nps: 'NPS',
      saved: '所有更改已保存',
      publish: '发布…',
      firstVersion: '这将是第一个发布版本。',
      confirm: '发布第 1 版',
      published: '第 1 版已发布。',
      added: '新增题目：45 道',
      publishedBadge: '已发布',
      publicLink: '公开链接',
      copy: '复制链接',
      copied: '链接已复制。',
      open: '打开问卷',
    },
    firstQuestion: '卓越的服务机构会拥有现代化的设备。',
    editedQuestion: '优秀的网点应当配备现代化且维护良好的设备。',
    npsQuestion: '您向朋友或同事推荐本服务的可能性有多大？',
  },
] as const;

describe('questionnaire builder in Chromium', () => {
  for (const run of RUNS) {
    it(`builds, publishes and shares a SERVQUAL survey (${run.locale})`, async () => {
      const context = await tp.browser.newContext({ locale: run.locale });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: tp.url });
      const page = await context.newPage();
      const { ui } = run;
      await signIn(page, tp.url, { labels: ui });

      await page.getByRole('navigation').getByRole('link', { name: ui.surveys }).click();
      await page.getByLabel(ui.surveyName).fill(run.surveyName);
      await page.getByRole('radio', { name: containing(ui.template) }).check();
      await page.getByRole('button', { name: ui.create }).click();
      await page.getByRole('heading', { level: 1, name: run.surveyName }).waitFor();

      // Edit the first statement's text in the UI language.
      await page.getByRole('button', { name: containing(run.firstQuestion) }).click();
      const questionText = page.getByRole('textbox', { name: ui.questionText });
      expect(await questionText.inputValue()).toBe(run.firstQuestion);
      await questionText.fill(run.editedQuestion);
      await page.getByRole('button', { name: containing(run.editedQuestion) }).waitFor();

      // Add an NPS question; it lands after the selected one and takes focus.
      await page.getByRole('button', { name: ui.nps, exact: true }).click();
      const npsRow = page.getByRole('button', { name: containing(run.npsQuestion) });
      await npsRow.waitFor();
      expect(await npsRow.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await npsRow.textContent()).toMatch(/^2\./);

      // The preview shows both, rendered by SurveyJS.
      const preview = page.getByRole('region', { name: /Preview|预览/ });
      await preview.getByText(run.editedQuestion).waitFor();
      await preview.getByText(run.npsQuestion).waitFor();

      await expect.poll(() => page.getByRole('status').filter({ hasText: ui.saved }).count(), { timeout: 10_000 }).toBe(1);

      // Publish: first the summary of what will change, then version 1.
      await page.getByRole('button', { name: ui.publish }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: ui.confirm }).waitFor();
      expect(await dialog.textContent()).toContain(ui.firstVersion);
      expect(await dialog.textContent()).toContain(ui.added);
      await dialog.getByRole('button', { name: ui.confirm }).click();
      const result = page.getByRole('status').filter({ hasText: ui.published });
      await result.waitFor();
      expect(await result.textContent()).toContain(ui.added);
      expect(await page.getByText(ui.publishedBadge, { exact: true }).isVisible()).toBe(true);

      // The public link: copy it, then open it as a respondent would.
      const link = page.getByRole('textbox', { name: ui.publicLink });
      const url = await link.inputValue();
      expect(url).toMatch(new RegExp(`^${escape(tp.url)}/s/[A-Za-z0-9_-]+$`));
      await page.getByRole('button', { name: ui.copy }).click();
      await page.getByText(ui.copied).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

      const [respondent] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: ui.open }).click()]);
      await respondent.waitForLoadState();
      expect(respondent.url()).toBe(url);
      await respondent.getByText(run.editedQuestion).waitFor();
      await respondent.getByText(run.npsQuestion).waitFor();
      // SurveyJS renders the NPS scale from 0 to 10; the SERVQUAL scales stop at 7.
      expect(await respondent.getByText('10', { exact: true }).count()).toBeGreaterThan(0);
      expect(await respondent.getByText(run.firstQuestion).count()).toBe(0);
      await context.close();
    });
  }

  it('defines a touchpoint with owners and targets', async () => {
    const context = await tp.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, tp.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Touchpoints' }).click();
    const form = page.getByRole('form', { name: 'New touchpoint' });
    await form.getByLabel('Key').fill('After Sales');
    await form.getByLabel('Name', { exact: true }).fill('After-sales service');
    await form.getByLabel('Owners').fill('lead@example.test, ops@example.test');
    await form.getByLabel('NPS at least (−100 to 100)').fill('30');
    await form.getByRole('button', { name: 'Create touchpoint' }).click();
    await form.getByText('Use lowercase letters, digits and single hyphens').waitFor();

    await form.getByLabel('Key').fill('after-sales');
    await form.getByRole('button', { name: 'Create touchpoint' }).click();
    await page.getByRole('status').filter({ hasText: 'Touchpoint “After-sales service” created.' }).waitFor();
    const row = page.getByRole('row', { name: /After-sales service/ });
    expect(await row.textContent()).toContain('lead@example.test, ops@example.test');
    expect(await row.textContent()).toContain('NPS at least (−100 to 100): 30');
    await context.close();
  });

  it('lets a designer allow any link to choose its touchpoint and channel, off by default', async () => {
    const admin = await tp.login();
    const created = await tp.request('/api/surveys', { cookie: admin, body: { title: 'Kiosk feedback' } });
    const { id } = created.body as { id: string };
    const page = await signedInPage(tp, { next: `/surveys/${id}` });
    const toggle = page.getByRole('checkbox', { name: 'Let any link choose its touchpoint and channel' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect.poll(async () => ((await tp.request(`/api/surveys/${id}`, { cookie: admin })).body as { allowUnsignedTags: boolean }).allowUnsignedTags).toBe(true);
    await page.reload();
    expect(await page.getByRole('checkbox', { name: 'Let any link choose its touchpoint and channel' }).isChecked()).toBe(true);
    await page.context().close();
  });
});
