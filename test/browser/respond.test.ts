import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseModel } from '../../server/responses/response.model';
import { issueResponseToken } from '../../server/responses/response-token.service';
import { expectNoSeriousAxeViolations, startBrowserSession, type BrowserSession } from '../harness/browser-session';
import { startOutageProxy, type OutageProxy } from '../harness/restartable';
import { publishSurvey, validSubmission } from '../integration/responses-fixtures';

let tp: BrowserSession;
let proxy: OutageProxy;
let admin: string;

beforeAll(async () => {
  tp = await startBrowserSession({ RESPOND_RATE_PER_IP: '10000' });
  proxy = await startOutageProxy(tp.url);
  admin = await tp.login();
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch', name: 'Branch' } })).status).toBe(201);
});
afterAll(async () => {
  await proxy?.stop();
  await tp?.stop();
});

/** A phone-sized page, the way most customers open their link. */
async function phonePage(locale = 'en-US'): Promise<Page> {
  const context = await tp.browser.newContext({ locale, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  // The page must make no request outside its own origin (fonts, analytics, logos).
  page.on('request', (request) => {
    if (!request.url().startsWith(proxy.url) && !request.url().startsWith('data:')) throw new Error(`outside request: ${request.url()}`);
  });
  return page;
}

const question = (page: Page, title: string) => page.getByRole('radiogroup', { name: title });
const rate = (page: Page, title: string, value: string) => question(page, title).getByText(value, { exact: true }).click();
/** A 0–10 scale does not fit a phone's width, so SurveyJS shows it as a drop-down list there. */
async function choose(page: Page, title: string, value: string) {
  await page.getByRole('combobox', { name: title }).click();
  await page.getByRole('option', { name: value, exact: true }).click();
}

async function answerFirstPage(page: Page) {
  await rate(page, 'How satisfied are you with your visit?', '4');
  await choose(page, 'How likely are you to recommend us?', '9');
  await question(page, 'Main reason for your visit').getByText('loan', { exact: true }).click();
  await page.getByRole('group', { name: 'Services used' }).getByText('atm', { exact: true }).click();
}

const responsesOf = (surveyId: string) => ResponseModel.countDocuments({ surveyId });

describe('the respondent page in Chromium', () => {
  it('is answered and submitted, partly by keyboard alone, and shows the thank-you page', async () => {
    // A link staff made: its touchpoint and channel are signed (the survey takes no unsigned ones).
    const survey = await publishSurvey(tp, admin, undefined, { allowUnsignedTags: false });
    const made = await tp.request(`/api/surveys/${survey.id}/links`, { cookie: admin, body: { touchpoint: 'branch', channel: 'online' } });
    expect(made.status).toBe(201);
    const link = new URL((made.body as { url: string }).url);
    expect(link.searchParams.get('sig')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const page = await phonePage();
    await page.goto(`${proxy.url}${link.pathname}${link.search}`);
    await question(page, 'How satisfied are you with your visit?').waitFor();
    await expectNoSeriousAxeViolations(page);

    // Keyboard only: Tab into the first rating and choose 4 with the arrow keys.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await question(page, 'How satisfied are you with your visit?').getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    await choose(page, 'How likely are you to recommend us?', '10');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Anything else?').fill('Friendly staff.');
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('Thank you for completing the survey').waitFor();

    const stored = await ResponseModel.find({ surveyId: survey.id }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ answers: { satisfaction: 4, recommend: 10, remarks: 'Friendly staff.' }, touchpoint: 'branch', channel: 'online', locale: 'en' });
    // The saved draft is cleared once the answers are stored.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('touchpoint.respond.')))).toEqual([]);
    await page.context().close();
  });

  it('stores the answers of an unsigned tagged link without its tags', async () => {
    const survey = await publishSurvey(tp, admin, undefined, { allowUnsignedTags: false });
    const page = await phonePage();
    await page.goto(`${proxy.url}/s/${survey.slug}?tp=branch&ch=online`);
    await answerFirstPage(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('Thank you for completing the survey').waitFor();
    const stored = await ResponseModel.find({ surveyId: survey.id }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ answers: { satisfaction: 4, recommend: 9 }, touchpoint: null, channel: null });
    await page.context().close();
  });

  it('restores answers after a reload mid-way', async () => {
    const survey = await publishSurvey(tp, admin);
    const page = await phonePage();
    await page.goto(`${proxy.url}/s/${survey.slug}`);
    await answerFirstPage(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Anything else?').fill('Half done');
    await page.getByLabel('Anything else?').blur();

    await page.reload();
    await page.getByText('We restored the answers you gave earlier').waitFor();
    expect(await page.getByLabel('Anything else?').inputValue()).toBe('Half done');
    await page.getByRole('button', { name: 'Previous' }).click();
    expect(await question(page, 'How satisfied are you with your visit?').getByRole('radio', { name: '4' }).isChecked()).toBe(true);
    expect(await question(page, 'Main reason for your visit').getByRole('radio', { name: 'loan' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('Thank you for completing the survey').waitFor();
    expect((await ResponseModel.findOne({ surveyId: survey.id }).lean())?.answers).toMatchObject({ satisfaction: 4, reason: 'loan', remarks: 'Half done' });
    await page.context().close();
  });

  it('keeps trying while the API is down and stores the response once when it is back', async () => {
    const survey = await publishSurvey(tp, admin);
    const page = await phonePage();
    await page.goto(`${proxy.url}/s/${survey.slug}`);
    await answerFirstPage(page);
    await page.getByRole('button', { name: 'Next' }).click();

    await proxy.goDown();
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('Still trying to send your answers').waitFor({ timeout: 15_000 });
    // Still on the last page with the answers, not on "thank you".
    expect(await page.getByLabel('Anything else?').isVisible()).toBe(true);
    expect(await page.getByText('Thank you for completing the survey').count()).toBe(0);
    expect(await responsesOf(survey.id)).toBe(0);

    await proxy.comeBack();
    await page.getByText('Thank you for completing the survey').waitFor({ timeout: 40_000 });
    expect(await responsesOf(survey.id)).toBe(1);
    await page.context().close();
  });

  it('tells the customer plainly that a used personal link cannot answer again', async () => {
    const survey = await publishSurvey(tp, admin);
    const { token } = await issueResponseToken({ surveyId: survey.id, expiresAt: new Date(Date.now() + 86_400_000) });
    const first = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body: validSubmission(survey.version, { token }), csrf: false });
    expect(first.status).toBe(201);

    const page = await phonePage();
    await page.goto(`${proxy.url}/s/${survey.slug}?t=${token}`);
    await answerFirstPage(page);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Complete' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('You have already answered this survey').waitFor();
    expect(await alert.textContent()).toContain('each link can be used once');
    await expectNoSeriousAxeViolations(page);
    expect(await responsesOf(survey.id)).toBe(1);
    await page.context().close();
  });

  it('speaks Simplified Chinese to a zh-CN browser', async () => {
    const survey = await publishSurvey(tp, admin);
    const page = await phonePage('zh-CN');
    await page.goto(`${proxy.url}/s/${survey.slug}`);
    await page.getByRole('button', { name: '下一页' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.context().close();
  });
});
