import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayOf } from '@shared/http/date-range.schema';
import { ResponseModel } from '../../server/responses/response.model';
import { rebuildRollups } from '../../server/scores/rebuild.service';
import { expectNoSeriousAxeViolations, signedInPage, startBrowserSession, type BrowserSession } from '../harness/browser-session';
import { publishSurvey } from '../integration/responses-fixtures';

const SURVEY = {
  title: 'Counter visit',
  pages: [{ name: 'visit', elements: [{ type: 'rating', name: 'csat', title: 'How satisfied are you?', metric: 'csat', rateMin: 1, rateMax: 5 }] }],
};
const today = dayOf(new Date());
const repeat = (pattern: number[], times: number) => Array.from({ length: times }, () => pattern).flat();

let tp: BrowserSession;

/** 60 answers a window, one day after another: CSAT mean 3 in the baseline (days −90..−61), 4 after the change (−39..−10). */
async function seedBeforeAndAfter(survey: { id: string; version: number }) {
  const docs = (values: number[], from: string) =>
    values.map((csat, i) => ({
      surveyId: new Types.ObjectId(survey.id), version: survey.version, submissionId: randomUUID(), answers: { csat },
      touchpoint: 'counter', channel: 'branch', submittedAt: new Date(`${addDays(from, i % 30)}T09:00:00Z`), foldState: 'folded',
    }));
  await ResponseModel.insertMany([...docs(repeat([2, 3, 3, 4, 3], 12), addDays(today, -90)), ...docs(repeat([4, 4, 5, 3, 4], 12), addDays(today, -39))]);
  await rebuildRollups(tp.platform.context.redis, tp.platform.context.config.QUEUE_PREFIX);
}

beforeAll(async () => {
  tp = await startBrowserSession({ ACTION_SWEEP_MS: '1000' });
  const admin = await tp.login();
  const touchpoint = { key: 'counter', name: 'Service counter', owners: ['counter-owner@example.test'], target: { csat: 4.8 } };
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: touchpoint })).status).toBe(201);
  await seedBeforeAndAfter(await publishSurvey(tp, admin, SURVEY));
});
afterAll(() => tp?.stop());

describe('improvement actions in Chromium', () => {
  it('go from a missed target to an action and on to its verdict', async () => {
    const page = await signedInPage(tp, { next: '/dashboard' });
    const card = page.getByRole('article', { name: 'Service counter' });
    await card.getByText('CSAT mean ≥ 4.8: missed (4)').waitFor();
    await card.getByRole('listitem').filter({ hasText: 'missed' }).getByRole('link', { name: 'Open an action' }).click();

    // Prefilled from the target: touchpoint, metric and the gap as the problem.
    await page.getByRole('heading', { level: 1, name: 'Open an improvement action' }).waitFor();
    await expect.poll(() => page.getByLabel('Touchpoint').inputValue()).toBe('counter');
    expect(await page.getByRole('checkbox', { name: 'CSAT mean' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Problem').inputValue()).toBe('CSAT mean ≥ 4.8: missed (4)');
    expect(await page.getByLabel('Owner (email)').inputValue()).toBe('counter-owner@example.test');
    await page.getByLabel('Title', { exact: true }).fill('Second counter at noon');
    await page.getByLabel('Due date').fill(addDays(today, -45));
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Create the action' }).click();

    // Recorded after the fact: started 60 days ago, completed 40 days ago, so the check window has closed.
    await page.getByRole('heading', { level: 1, name: 'Second counter at noon' }).waitFor();
    await page.getByText('Phase: Plan').waitFor();
    await page.getByLabel('Date, if earlier than today').fill(addDays(today, -60));
    await page.getByRole('button', { name: 'Start (do)' }).click();
    await page.getByText('Phase: Do').waitFor();
    await page.getByLabel('Date, if earlier than today').fill(addDays(today, -40));
    await page.getByRole('button', { name: 'Complete (check)' }).click();
    await page.getByText('Phase: Check').waitFor();
    await page.getByText(`Baseline ${addDays(today, -90)} to ${addDays(today, -61)}; check ${addDays(today, -39)} to ${addDays(today, -10)}.`, { exact: true }).waitFor();

    // The sweep runs the check within seconds; the page shows it after a reload.
    const verdict = page.locator('.verdict');
    await expect
      .poll(async () => {
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Second counter at noon' }).waitFor();
        return verdict.count();
      }, { timeout: 20_000, interval: 1000 })
      .toBe(1);
    expect(await verdict.textContent()).toMatch(/^CSAT mean: improved\. 3 → 4, effect \+1 \(95% interval \+0\.\d+ to \+1\.\d+; n = 60 \/ 60\)$/);
    // The before/after chart's text alternative lists the daily points of both windows.
    const chart = page.getByRole('figure', {
      name: `CSAT mean by day. Line: value; shaded band: 95% interval. Shaded behind: Baseline ${addDays(today, -90)} to ${addDays(today, -61)}; Check ${addDays(today, -39)} to ${addDays(today, -10)}.`,
    });
    await chart.waitFor();
    expect(await chart.locator('table tbody tr').count()).toBe(60);
    await page.getByRole('button', { name: 'Adopt as the standard' }).waitFor();
    await expectNoSeriousAxeViolations(page);
  });
});
