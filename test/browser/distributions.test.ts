import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributionListSchema } from '@shared/distributions/distribution.schema';
import {
  expectNoSeriousAxeViolations,
  SIGN_IN_LABELS,
  signedInPage,
  startBrowserSession,
  type BrowserSession,
} from '../harness/browser-session';
import { publishSurvey } from '../integration/responses-fixtures';

const VIP = ['vip-1@example.test', 'vip-2@example.test', 'vip-3@example.test'];
const REGULAR = 'regular-1@example.test';

let tp: BrowserSession;
let admin: string;

beforeAll(async () => {
  tp = await startBrowserSession({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
  admin = await tp.login();
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch', name: 'Main street branch' } })).status).toBe(201);
  await publishSurvey(tp, admin);
  const contacts = [
    ...VIP.map((email, i) => ({ email, name: `Vip ${i + 1}`, segment: 'vip', locale: 'en' })),
    { email: REGULAR, name: 'Regular One', segment: 'regular', locale: 'en' },
  ];
  const imported = await tp.request('/api/contacts', { cookie: admin, body: contacts });
  expect(imported.status, imported.text).toBe(200);
});
afterAll(() => tp?.stop());

async function distributionsPage(): Promise<Page> {
  const page = await signedInPage(tp, { next: '/distributions' });
  await page.getByRole('heading', { level: 1, name: 'Distributions' }).waitFor();
  return page;
}

/** The number a reader sees next to a label in the delivery table. */
const count = (page: Page, label: string) =>
  page
    .getByRole('table', { name: 'Delivery' })
    .getByRole('row', { name: new RegExp(`^${label} \\d+$`) })
    .getByRole('cell')
    .textContent();

/** Outbox rows whose status cell reads `status`. */
const outboxRows = (page: Page, status: string): Locator =>
  page
    .getByRole('table', { name: /^Outbox/ })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: status, exact: true }) });

const status = (page: Page) => page.locator('.distribution-status .badge').textContent();

describe('distributions in Chromium', () => {
  it('creates a "send now" distribution through the form, watches it send, and pauses, resumes and cancels it', async () => {
    const page = await distributionsPage();
    // The list loads after the heading shows: wait for it rather than read it once.
    await page.getByText('No distributions yet.').waitFor();
    await page.getByRole('link', { name: 'New distribution' }).click();
    await page.getByRole('heading', { level: 1, name: 'New distribution' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    // Nothing chosen: the form names what is missing before asking the server.
    await page.getByRole('button', { name: 'Create distribution' }).click();
    await page.getByRole('alert').getByText('Check the fields marked below.').waitFor();
    expect(await page.getByText('Choose a published survey.').isVisible()).toBe(true);
    expect(await page.getByText('Choose a segment.').isVisible()).toBe(true);
    expect(await page.getByLabel('Survey', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel('Survey', { exact: true }).selectOption({ label: 'Branch visit' });
    await page.getByLabel('Touchpoint', { exact: true }).selectOption({ label: 'Main street branch' });
    await page.getByLabel('Segment', { exact: true }).selectOption('vip');
    // A cron pattern the server refuses: its reason appears under the pattern field.
    await page.getByLabel('Custom (cron pattern)').check();
    await page.getByLabel('Cron pattern', { exact: true }).fill('61 * * * *');
    await page.getByRole('button', { name: 'Create distribution' }).click();
    await page.getByText(/^not a cron pattern/).waitFor();
    expect(await page.getByLabel('Cron pattern', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Choose a published survey.').count()).toBe(0);

    // Keyboard: the arrow keys move through the schedule choices (from the last one round to the first).
    await page.getByLabel('Custom (cron pattern)').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByLabel('Send now').isChecked()).toBe(true);
    expect(await page.getByLabel('Cron pattern', { exact: true }).count()).toBe(0);
    expect(await page.getByLabel('Quarantine (days)').inputValue()).toBe('30');
    await page.getByRole('button', { name: 'Create distribution' }).click();

    await page.getByRole('heading', { level: 1, name: 'Distribution of Branch visit' }).waitFor();
    expect(await page.getByText('once, right away').isVisible()).toBe(true);
    expect(await page.getByText('Segment: vip').isVisible()).toBe(true);
    // The page polls while the distribution is active: no reload needed to see the sends land.
    await expect.poll(() => count(page, 'Sent'), { timeout: 30_000 }).toBe('3');
    await expect.poll(() => outboxRows(page, 'Sent').count(), { timeout: 15_000 }).toBe(3);
    expect(await count(page, 'Recipients')).toBe('3');
    expect(await count(page, 'Queued')).toBe('0');
    expect(await count(page, 'Skipped: unsubscribed')).toBe('0');
    expect(await count(page, 'Skipped: surveyed recently \\(quarantine\\)')).toBe('0');
    const recipients = await outboxRows(page, 'Sent').getByRole('rowheader').allTextContents();
    expect(recipients.sort()).toEqual(VIP);
    for (const row of await outboxRows(page, 'Sent').all()) {
      expect(await row.getByRole('cell').allTextContents()).toEqual(['Invitation', 'Sent', '1', '—', expect.stringMatching(/\d/)]);
    }
    await tp.mailbox.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tp.mailbox.messages.flatMap((message) => message.to).sort()).toEqual(VIP);
    await expectNoSeriousAxeViolations(page);

    // Reminders stay due (after 3 days), so the distribution is still active and can be paused.
    expect(await status(page)).toBe('Active');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status(page)).toBe('Paused');
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => status(page)).toBe('Active');

    const reply = await tp.request('/api/distributions', { cookie: admin });
    const [stored] = distributionListSchema.parse(reply.body).distributions;
    expect(stored?.status).toBe('active');
    // The list reply carries each distribution's counts (the list page shows them without a request per row).
    expect(stored?.counts).toMatchObject({ recipients: 3, sent: 3, responded: 0 });

    // Cancelling asks first; "keep it" changes nothing and gives focus back.
    await page.getByRole('button', { name: 'Cancel distribution' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel distribution');
    expect(await status(page)).toBe('Active');
    await page.getByRole('button', { name: 'Cancel distribution' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect.poll(() => status(page)).toBe('Cancelled');
    expect(await page.getByRole('button', { name: 'Resume' }).count()).toBe(0);

    // The list reads the schedule in words and the counts of each distribution.
    await page.getByRole('link', { name: 'All distributions' }).click();
    const row = page.getByRole('row', { name: /Branch visit/ });
    await expect.poll(() => row.getByRole('cell').allTextContents()).toEqual(['Main street branch', 'once, right away', 'Cancelled', '3', '0', expect.any(String)]);
    await page.context().close();
  });

  it('reads in Chinese', async () => {
    const page = await signedInPage(tp, { next: '/distributions', labels: SIGN_IN_LABELS.zhCN, context: { locale: 'zh-CN' } });
    await page.getByRole('link', { name: '新建分发' }).waitFor();
    const row = page.getByRole('row', { name: /Branch visit/ });
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe('一次，立即发送');
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Branch visit 的分发' }).waitFor();
    expect(await page.getByRole('table', { name: '投递情况' }).getByRole('row', { name: /^已发送 3$/ }).count()).toBe(1);
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });
});
