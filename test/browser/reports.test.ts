import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceReport } from '@shared/reports/report.schema';
import { ResponseModel } from '../../server/responses/response.model';
import { rebuildRollups } from '../../server/scores/rebuild.service';
import { expectNoSeriousAxeViolations, signedInPage, startBrowserSession, type BrowserSession } from '../harness/browser-session';
import { publishSurvey } from '../integration/responses-fixtures';

const SURVEY = {
  title: 'Branch visit',
  pages: [{ name: 'visit', elements: [{ type: 'rating', name: 'csat', title: 'How satisfied are you?', metric: 'csat', rateMin: 1, rateMax: 5 }] }],
};
// A4 is 210 mm wide; with the print stylesheet's 12 mm margins, 186 mm of it is printable: at 96 dpi, 703 px.
const A4_PRINTABLE_PX = Math.floor((186 / 25.4) * 96);

let tp: BrowserSession;
let report: ServiceReport;

beforeAll(async () => {
  tp = await startBrowserSession();
  const admin = await tp.login();
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch', name: 'Main branch', target: { csat: 4.5 } } })).status).toBe(201);
  const survey = await publishSurvey(tp, admin, SURVEY);
  // November 2026: 40 answers at the branch, CSAT mean 3.6.
  const answers = Array.from({ length: 40 }, (_, i) => [3, 4, 4, 3, 4][i % 5]!);
  await ResponseModel.insertMany(
    answers.map((csat, i) => ({
      surveyId: new Types.ObjectId(survey.id), version: survey.version, submissionId: randomUUID(), answers: { csat },
      touchpoint: 'branch', channel: 'on-site', submittedAt: new Date(`2026-11-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z`), foldState: 'folded',
    })),
  );
  await rebuildRollups(tp.platform.context.redis, tp.platform.context.config.QUEUE_PREFIX);
  const created = await tp.request('/api/reports/definitions', {
    cookie: admin,
    body: { name: 'Branch monthly', cadence: 'monthly', survey: survey.id, recipients: [{ email: 'ops@example.test', locale: 'en' }] },
  });
  expect(created.status, created.text).toBe(201);
  const sent = await tp.request(`/api/reports/definitions/${(created.body as { id: string }).id}/send?period=2026-11`, { cookie: admin, method: 'POST' });
  expect(sent.status, sent.text).toBe(202);
  report = (sent.body as { report: ServiceReport }).report;
});
afterAll(() => tp?.stop());

describe('service reports in Chromium', () => {
  it('lists a built report, shows its numbers as the API has them, and prints it on A4 without the app around it', async () => {
    const page = await signedInPage(tp, { next: '/reports' });
    await page.getByRole('navigation').getByRole('link', { name: 'Reports' }).waitFor();
    await page.getByRole('link', { name: 'Branch monthly: 2026-11' }).click();
    await page.getByRole('heading', { level: 1, name: 'Branch monthly: 2026-11' }).waitFor();

    const headline = report.sections.headline[0]!;
    const row = page.getByRole('region', { name: 'Headline scores (95% intervals)' }).getByRole('row').filter({ hasText: 'Main branch' });
    const csat = `${headline.csat!.mean.toFixed(2)} (${headline.csat!.meanCi95![0].toFixed(2)}–${headline.csat!.meanCi95![1].toFixed(2)})`;
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Low sample (n=40)', csat, '–', '–', 'csat missed']);
    await page.getByRole('region', { name: 'Case handling' }).getByText('Nothing in this period.').waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print / save as PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'All reports' }).isVisible()).toBe(false);
    // Laid out at the printable width of A4, nothing sticks out sideways.
    await page.setViewportSize({ width: A4_PRINTABLE_PX, height: 1000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(A4_PRINTABLE_PX);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The report (no navigation, short sections) fits one or two pages.
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.context().close();
  });
});
