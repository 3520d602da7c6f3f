import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsResponseSchema } from '@shared/scoring/metrics.schema';
import { expectNoSeriousAxeViolations, SIGN_IN_LABELS, signedInPage, signIn, startBrowserSession, type BrowserSession } from '../harness/browser-session';
import { publishSurvey, validSubmission } from '../integration/responses-fixtures';

const ANALYST = { email: 'analyst@example.test', name: 'Ana Lyst', role: 'analyst', password: 'long-enough-password' };

const NPS_SURVEY = {
  title: 'After your visit',
  pages: [
    {
      name: 'visit',
      elements: [
        { type: 'rating', name: 'recommend', title: 'How likely are you to recommend us?', metric: 'nps', rateMin: 0, rateMax: 10, isRequired: true },
        { type: 'comment', name: 'remarks', title: 'Anything else?' },
      ],
    },
  ],
};

/**
 * 40 answers: 20 promoters (9–10), 10 passives (7–8), 10 detractors (0–6).
 * NPS = 50% − 25% = 25; SE = 100·sqrt((0.5 + 0.25 − 0.25²)/40) = 13.110; 95% CI = 25 ± 1.96·13.110 = −0.70 to 50.70.
 */
const SCORES = [...Array<number>(10).fill(10), ...Array<number>(10).fill(9), ...Array<number>(5).fill(8), ...Array<number>(5).fill(7), 6, 6, 5, 5, 4, 3, 2, 1, 0, 0];

let tp: BrowserSession;
let survey: { id: string; slug: string; version: number };
let other: { id: string };

beforeAll(async () => {
  tp = await startBrowserSession({ RESPOND_RATE_PER_IP: '10000' });
  const admin = await tp.login();
  expect((await tp.request('/api/users', { cookie: admin, body: ANALYST })).status).toBe(201);
  const touchpoint = { key: 'branch', name: 'Main street branch', target: { nps: 30 } };
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: touchpoint })).status).toBe(201);
  survey = await publishSurvey(tp, admin, NPS_SURVEY);
  for (const [index, recommend] of SCORES.entries()) {
    const remarks = index === 0 ? 'Friendly staff, short queue.' : index === 39 ? 'Waited 40 minutes.' : undefined;
    const body = validSubmission(survey.version, { answers: { recommend, ...(remarks ? { remarks } : {}) }, touchpoint: 'branch', channel: 'online' });
    expect((await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body, csrf: false })).status).toBe(201);
  }
  // A second, newer survey without answers: the dashboard opens on it, so the test has to pick ours.
  const created = await tp.request('/api/surveys', { cookie: admin, body: { title: 'Empty survey', definition: NPS_SURVEY } });
  other = created.body as { id: string };
  expect((await tp.request(`/api/surveys/${other.id}/publish`, { cookie: admin, method: 'POST' })).status).toBe(201);

  // The fold counts new responses within seconds; wait until the metrics API has all 40.
  const today = new Date().toISOString().slice(0, 10);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const reply = await tp.request(`/api/metrics/touchpoints?survey=${survey.id}&from=${today}&to=${today}`, { cookie: admin });
    const counted = reply.status === 200 ? metricsResponseSchema.parse(reply.body).touchpoints[0]?.nps?.n : undefined;
    if (counted === SCORES.length) break;
    if (Date.now() > deadline) throw new Error(`metrics show ${counted ?? reply.status} NPS answers, not ${SCORES.length}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});
afterAll(() => tp?.stop());

async function analystDashboard(): Promise<Page> {
  const page = await signedInPage(tp, { as: ANALYST, next: '/dashboard', context: { acceptDownloads: true } });
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  return page;
}

/** The value shown next to a score's label, as a reader sees it. */
const scoreValue = (scope: ReturnType<Page['locator']>, label: string) =>
  scope.locator('.score-row', { has: scope.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');

describe('the staff dashboard in Chromium', () => {
  it('shows a touchpoint NPS with its interval, sample and target, and its breakdown on the detail page', async () => {
    const page = await analystDashboard();
    // The newest published survey is preselected and has no answers yet.
    await expect.poll(() => new URL(page.url()).searchParams.get('survey')).toBe(other.id);
    await page.getByText('No responses to this survey in this period.').waitFor();

    await page.getByLabel('Survey').selectOption({ label: 'Branch visit' });
    const card = page.getByRole('article', { name: 'Main street branch' });
    await card.waitFor();
    expect(await scoreValue(card, 'NPS').textContent()).toBe('25 (95% CI -0.7 to 50.7)');
    expect(await card.getByText('Low sample (n=40)').isVisible()).toBe(true);
    expect(await card.getByText('NPS ≥ 30: missed (25)').isVisible()).toBe(true);
    expect(await card.getByText('Judged by version 1 of the touchpoint’s standard.').isVisible()).toBe(true);
    // Nothing answered in the 30 days before: no change can be claimed.
    expect(await card.getByText('NPS: no data to compare with').isVisible()).toBe(true);
    // The sparkline's numbers are there for screen readers.
    await expect.poll(() => card.locator('.sparkline p.visually-hidden').textContent()).toMatch(/^NPS by day: \d{4}-\d{2}-\d{2} 25$/);
    // The view lives in the URL: a reload shows the same survey.
    expect(new URL(page.url()).searchParams.get('survey')).toBe(survey.id);
    await expectNoSeriousAxeViolations(page);

    // Scores CSV, built in the page from the same reply.
    const [scoresFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download scores (CSV)' }).click()]);
    const [header, row] = parse(fs.readFileSync((await scoresFile.path())!, 'utf8'), { bom: true }) as string[][];
    const record = Object.fromEntries(header!.map((name, i) => [name, row![i]]));
    expect(record).toMatchObject({ touchpoint: 'branch', name: 'Main street branch', n: '40', nps: '25', nps_promoters: '20', nps_passives: '10', nps_detractors: '10' });
    expect(Number(record.nps_ci95_low)).toBeCloseTo(-0.6955, 3);

    await card.getByRole('link', { name: 'Main street branch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Main street branch' }).waitFor();
    const breakdown = page.getByRole('region', { name: 'NPS breakdown', exact: true });
    const row40 = (label: string) => breakdown.getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) }).getByRole('cell');
    await breakdown.getByRole('table').waitFor();
    expect(await row40('Promoters (9–10)').allTextContents()).toEqual(['20', '50%']);
    expect(await row40('Passives (7–8)').allTextContents()).toEqual(['10', '25%']);
    expect(await row40('Detractors (0–6)').allTextContents()).toEqual(['10', '25%']);
    expect(await scoreValue(page.getByRole('region', { name: 'Scores', exact: true }), 'NPS').textContent()).toBe('25 (95% CI -0.7 to 50.7)');

    // Both comments mention waiting ("queue", "waited"); one also staff attitude ("friendly").
    const themes = page.getByRole('region', { name: 'Comment themes', exact: true });
    const themeCells = (name: string) => themes.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
    await themes.getByRole('table').waitFor();
    expect((await themeCells('Waiting time').allTextContents()).slice(0, 1)).toEqual(['2 (100%)']);
    expect((await themeCells('Staff attitude').allTextContents()).slice(0, 1)).toEqual(['1 (50%)']);

    const comments = page.getByRole('region', { name: 'Latest comments', exact: true });
    await comments.getByText('Waited 40 minutes.').waitFor();
    expect(await comments.getByText('Friendly staff, short queue.').isVisible()).toBe(true);
    await comments.getByLabel('Scores').selectOption({ label: 'NPS promoters (9–10)' });
    // While the filtered page loads neither comment shows; once the promoter's is back, the detractor's must be gone.
    await expect.poll(() => comments.getByText('Waited 40 minutes.').count()).toBe(0);
    await comments.getByText('Friendly staff, short queue.').waitFor();
    expect(await comments.getByText('Waited 40 minutes.').count()).toBe(0);
    await expectNoSeriousAxeViolations(page);

    // Responses CSV from the server, for this touchpoint and period.
    const [responsesFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download responses (CSV)' }).click()]);
    const records = parse(fs.readFileSync((await responsesFile.path())!, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(40);
    expect(records.filter((response) => Number(response.recommend) >= 9)).toHaveLength(20);
    await page.context().close();
  });

  it('speaks Simplified Chinese', async () => {
    const context = await tp.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, tp.url, { as: ANALYST, next: `/dashboard?survey=${survey.id}&range=7`, labels: SIGN_IN_LABELS.zhCN });
    const card = page.getByRole('article', { name: 'Main street branch' });
    await card.waitFor();
    expect(await scoreValue(card, 'NPS').textContent()).toBe('25（95% 置信区间 -0.7 至 50.7）');
    expect(await card.getByText('样本偏少（n=40）').isVisible()).toBe(true);
    expect(await page.getByLabel('时间段').inputValue()).toBe('7');
    await context.close();
  });
});
