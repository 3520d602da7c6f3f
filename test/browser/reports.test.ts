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
    const row = page.getByRole('region', { name: 'Headline scores (95% intervals)' }).getByRole('table').first().getByRole('row').filter({ hasText: 'Main branch' });
    const csat = `${headline.csat!.mean.toFixed(2)} (${headline.csat!.meanCi95![0].toFixed(2)}–${headline.csat!.meanCi95![1].toFixed(2)})`;
    expect(await row.getByRole('cell').allTextContents()).toEqual(['Low sample (n=40)', csat, '–', '–', 'csat missed']);
    await page.getByRole('region', { name: 'Case handling' }).getByText('Nothing in this period.').waitFor();
    // The CSAT chart: the branch's dot left of its 4.5 target (missed, so drawn red), its interval around it.
    const chart = page.getByRole('figure', { name: /^CSAT per touchpoint/ });
    const drawn = await chart.locator('g[data-row="Main branch"]').evaluate((g) => {
      const x = (part: string, attr: string) => Number(g.querySelector(`[data-part="${part}"]`)?.getAttribute(attr));
      return { dot: x('value', 'cx'), fill: g.querySelector('[data-part="value"]')?.getAttribute('fill'), target: x('target', 'x1'), from: x('interval', 'x1'), to: x('interval', 'x2') };
    });
    const tickX = (value: number) => chart.locator(`g[data-tick="${value}"] line`).evaluate((line) => Number(line.getAttribute('x1')));
    const [one, five] = [await tickX(1), await tickX(5)];
    const at = (value: number) => one + ((value - 1) / 4) * (five - one);
    expect(drawn.dot).toBeCloseTo(at(headline.csat!.mean), 3);
    expect(drawn.target).toBeCloseTo(at(4.5), 3);
    expect(drawn.dot).toBeLessThan(drawn.target);
    expect(drawn.fill).toBe('#a4161a');
    expect(drawn.from).toBeCloseTo(at(headline.csat!.meanCi95![0]), 3);
    expect(drawn.to).toBeCloseTo(at(headline.csat!.meanCi95![1]), 3);
    // Its numbers are there for a screen reader too.
    expect(await chart.getByRole('row').filter({ hasText: 'Main branch' }).getByRole('cell').allTextContents()).toEqual([csat, '4.5 (missed)']);
    await expectNoSeriousAxeViolations(page);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print / save as PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'All reports' }).isVisible()).toBe(false);
    expect(await chart.locator('svg').isVisible()).toBe(true);
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

  it('lets an admin define a report, refuses a bad recipient, previews a period and sends one now', async () => {
    const page = await signedInPage(tp, { next: '/reports' });
    await page.getByRole('link', { name: 'Report definitions: create, preview, send now' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report definitions' }).waitFor();
    await page.getByText('Branch monthly · Monthly · Branch visit · recipients: 1 · active').waitFor();

    await page.getByRole('button', { name: 'New report definition' }).click();
    const form = page.getByRole('form', { name: 'New report definition' });
    await form.getByLabel('Name').fill('Branch weekly');
    await form.getByLabel('How often').selectOption({ label: 'Weekly' });
    await form.getByRole('checkbox', { name: 'Main branch' }).check();
    expect(await form.getByLabel('Email of recipient 1').inputValue()).toBe(tp.platform.context.config.ADMIN_EMAIL);
    await form.getByRole('button', { name: 'Add a recipient' }).click();
    await form.getByLabel('Email of recipient 2').fill('lead-at-branch');
    await form.getByLabel('Language of recipient 2').selectOption({ label: 'Simplified Chinese' });
    await form.getByRole('button', { name: 'Save' }).click();
    // Refused before sending, said under the recipients; nothing typed is lost.
    await form.getByText('Some fields need correcting; see the messages next to them.').waitFor();
    expect(await form.getByRole('group', { name: 'Recipients' }).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Name').inputValue()).toBe('Branch weekly');
    await form.getByLabel('Email of recipient 2').fill('lead@branch.example');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Branch weekly · Weekly · Branch visit · recipients: 2 · active').waitFor();
    const definitions = (await tp.request('/api/reports/definitions', { cookie: await tp.login() })).body as { definitions: Array<{ name: string; touchpoints: string[]; recipients: unknown[] }> };
    expect(definitions.definitions.find((d) => d.name === 'Branch weekly')).toMatchObject({ touchpoints: ['branch'], recipients: [{ email: tp.platform.context.config.ADMIN_EMAIL, locale: 'en' }, { email: 'lead@branch.example', locale: 'zh-CN' }] });

    // Preview November's monthly report: the same numbers as the report built from it, stored nowhere.
    const run = page.getByRole('region', { name: 'Preview or send now' });
    await run.getByLabel('Report').selectOption({ label: 'Branch monthly' });
    await run.getByLabel('Period').fill('2026-13');
    await run.getByRole('button', { name: 'Preview' }).click();
    await run.getByRole('alert').filter({ hasText: 'period' }).waitFor();
    await run.getByLabel('Period').fill('2026-11');
    await run.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('article', { name: /^Preview of Branch monthly, 2026-11/ });
    const headline = report.sections.headline[0]!;
    const row = preview.getByRole('region', { name: 'Headline scores (95% intervals)' }).getByRole('table').first().getByRole('row').filter({ hasText: 'Main branch' });
    expect(await row.getByRole('cell').nth(1).textContent()).toBe(`${headline.csat!.mean.toFixed(2)} (${headline.csat!.meanCi95![0].toFixed(2)}–${headline.csat!.meanCi95![1].toFixed(2)})`);
    await preview.getByRole('figure', { name: /^CSAT per touchpoint/ }).waitFor();
    // Its sections sit one level below the preview's own heading.
    await preview.getByRole('heading', { level: 3, name: 'Headline scores (95% intervals)' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    const monthly = (await tp.request('/api/reports', { cookie: await tp.login() })).body as { reports: unknown[] };
    expect(monthly.reports).toHaveLength(1);

    // Send the weekly one now (the last closed week): built once, one email to each recipient.
    const before = tp.mailbox.messages.length;
    await run.getByLabel('Report').selectOption({ label: 'Branch weekly' });
    await run.getByLabel('Period').fill('');
    await run.getByRole('button', { name: 'Send now' }).click();
    await run.getByRole('status').getByRole('link', { name: 'Open the report' }).click();
    await page.getByRole('heading', { level: 1, name: /^Branch weekly: \d{4}-W\d{2}$/ }).waitFor();
    const mails = await tp.mailbox.waitFor(before + 2);
    expect(mails.slice(before).flatMap((m) => m.to).sort()).toEqual([tp.platform.context.config.ADMIN_EMAIL, 'lead@branch.example'].sort());

    // Pause it, then delete it: the built report stays readable.
    await page.goto(`${tp.url}/reports/definitions`);
    await page.getByRole('button', { name: 'Edit Branch weekly' }).click();
    const edit = page.getByRole('form', { name: 'Edit Branch weekly' });
    await edit.getByRole('checkbox', { name: 'Active: built and sent on schedule' }).uncheck();
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Branch weekly · Weekly · Branch visit · recipients: 2 · paused').waitFor();
    await page.getByRole('button', { name: 'Edit Branch weekly' }).click();
    await edit.getByRole('button', { name: 'Delete…' }).click();
    await edit.getByRole('alertdialog').getByRole('button', { name: 'Delete the definition' }).click();
    await page.getByRole('button', { name: 'Edit Branch weekly' }).waitFor({ state: 'detached' });
    const after = (await tp.request('/api/reports', { cookie: await tp.login() })).body as { reports: Array<{ name: string }> };
    expect(after.reports.map((r) => r.name).sort()).toEqual(['Branch monthly', 'Branch weekly']);
    await page.context().close();
  });
});
