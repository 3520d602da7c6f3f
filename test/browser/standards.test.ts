import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardVersionListSchema } from '@shared/standards/standard.schema';
import { expectNoSeriousAxeViolations, signedInPage, startBrowserSession, type BrowserSession } from '../harness/browser-session';

let tp: BrowserSession;
let admin: string;

beforeAll(async () => {
  tp = await startBrowserSession();
  admin = await tp.login();
  const touchpoint = { key: 'front-desk', name: 'Front desk', target: { nps: 20, minN: 30 } };
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: touchpoint })).status).toBe(201);
});
afterAll(() => tp?.stop());

describe("a touchpoint's service standard in Chromium", () => {
  it('edits a target with a reason into a new version, whose diff against the old one shows the change', async () => {
    const page = await signedInPage(tp, { next: '/touchpoints' });
    await page.getByRole('link', { name: 'Service standard of Front desk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Service standard: Front desk' }).waitFor();
    const history = page.getByRole('region', { name: 'Version history' });
    await history.getByRole('row', { name: /Version 1 .*Created with the touchpoint/ }).waitFor();

    const editor = page.getByRole('form', { name: 'New version of the standard' });
    await editor.getByLabel('NPS at least (−100 to 100)').fill('35');
    await editor.getByRole('button', { name: 'Save as new version' }).click();
    // No reason, no version.
    await editor.getByText('Say why the standard changes.').waitFor();
    await editor.getByLabel('Why this change (required)').fill('Raised after the spring review');
    await editor.getByRole('button', { name: 'Save as new version' }).click();

    await page.getByRole('status').filter({ hasText: 'Version 2 saved.' }).waitFor();
    await history.getByRole('row', { name: /Version 2 .*admin@example\.test Raised after the spring review/ }).waitFor();
    const diff = page.getByRole('table', { name: 'Changes from version 1 to version 2' });
    const row = diff.getByRole('row', { name: /NPS at least/ });
    await expect.poll(() => row.locator('td').allInnerTexts()).toEqual(['Changed', '20', '35']);
    expect(await diff.getByRole('row').count()).toBe(2); // the header and the one change
    await page.getByRole('region', { name: /In force: version 2/ }).getByText('NPS at least (−100 to 100): 35').waitFor();
    await expectNoSeriousAxeViolations(page);

    const stored = standardVersionListSchema.parse((await tp.request('/api/touchpoints/front-desk/standard/versions', { cookie: admin })).body).versions;
    expect(stored.map((v) => [v.version, v.target.nps, v.reason])).toEqual([[1, 20, null], [2, 35, 'Raised after the spring review']]);
  });
});
