import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, startBrowserSession, type BrowserSession } from '../harness/browser-session';

// Issue 13: the first admin signs in with the generated password and must choose their own before the
// staff app opens; then tokens and users are managed from the staff app.
const EMAIL = 'admin@example.test';
const OWN_PASSWORD = 'the admin chose this one';
let tp: BrowserSession;
let page: Page;

beforeAll(async () => {
  // No ADMIN_PASSWORD: a fresh install with a generated one.
  tp = await startBrowserSession({ ADMIN_PASSWORD: '' });
  page = await (await tp.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })).newPage();
});
afterAll(() => tp?.stop());

describe('credentials in the staff app', () => {
  it('first sign-in with the generated password → forced change → dashboard', async () => {
    const generated = (await fs.readFile(path.join(tp.dataDir, 'initial-admin-password'), 'utf8')).trim();
    await page.goto(tp.url + '/');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(generated);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel('Current password').fill(generated);
    await page.getByLabel('New password', { exact: true }).fill(generated);
    await page.getByLabel('Repeat new password').fill(generated);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('must differ from the current password');

    await page.getByLabel('New password', { exact: true }).fill(OWN_PASSWORD);
    await page.getByLabel('Repeat new password').fill(OWN_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await expect(fs.stat(path.join(tp.dataDir, 'initial-admin-password'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('creates an API token shown once, then revokes it', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Your account' }).click();
    await page.getByLabel('Name').fill('reporting');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByLabel('New API token');
    await secret.waitFor();
    const token = await secret.inputValue();
    expect(token).toMatch(/^tpat_/);
    expect((await tp.request('/api/auth/me', { token })).status).toBe(200);
    const row = page.getByRole('row').filter({ hasText: 'reporting' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Never');

    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Revoke token reporting' }).click();
    await page.getByText('No API tokens.').waitFor();
    expect((await tp.request('/api/auth/me', { token })).status).toBe(401);
  });

  it('adds a user, disables them (their session ends) and sets a temporary password', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    const form = page.locator('form').filter({ hasText: 'Add a user' });
    await form.getByLabel('Name').fill('Ana Lyst');
    await form.getByLabel('Email').fill('ana@example.test');
    await form.getByLabel('Password').fill('analyst-password-1');
    await form.getByRole('button', { name: 'Add user' }).click();
    const row = page.getByRole('row').filter({ hasText: 'ana@example.test' });
    await row.waitFor();

    await expectNoSeriousAxeViolations(page);
    const ana = await tp.login('ana@example.test', 'analyst-password-1');
    await page.getByRole('button', { name: 'Disable ana@example.test' }).click();
    await expect.poll(() => row.textContent()).toContain('Disabled');
    expect((await tp.request('/api/auth/me', { cookie: ana })).status).toBe(401);

    await page.getByRole('button', { name: 'Enable ana@example.test' }).click();
    await expect.poll(() => row.textContent()).toContain('Active');
    await page.getByRole('button', { name: 'Reset password of ana@example.test' }).click();
    await page.getByLabel('Temporary password').fill('temporary-password-1');
    await page.getByRole('button', { name: 'Set temporary password' }).click();
    await expect.poll(() => row.textContent()).toContain('Must change password');

    // Ana now meets the forced change too.
    const anaPage = await (await tp.browser.newContext({ locale: 'en-US' })).newPage();
    await anaPage.goto(tp.url + '/login');
    await anaPage.getByLabel('Email').fill('ana@example.test');
    await anaPage.getByLabel('Password').fill('temporary-password-1');
    await anaPage.getByRole('button', { name: 'Sign in' }).click();
    await anaPage.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await anaPage.context().close();
  });
});
