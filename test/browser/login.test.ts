import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSession, type BrowserSession } from '../harness/browser-session';
import { ADMIN } from '../harness/platform';

let tp: BrowserSession;
beforeAll(async () => {
  tp = await startBrowserSession();
});
afterAll(() => tp?.stop());

async function freshPage(locale = 'en-US'): Promise<Page> {
  const context = await tp.browser.newContext({ locale });
  return context.newPage();
}

describe('staff sign-in in Chromium', () => {
  it('shows an error for a wrong password, then signs in and out', async () => {
    const page = await freshPage();
    await page.goto(tp.url + '/');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong email or password.');

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Surveys' }).isVisible()).toBe(true);
    expect(await page.getByText('Administrator').first().isVisible()).toBe(true);

    // The session survives a reload.
    await page.reload();
    await page.getByRole('navigation').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Password').waitFor();
    await page.context().close();
  });

  it('speaks Simplified Chinese to a zh-CN browser', async () => {
    const page = await freshPage('zh-CN');
    await page.goto(tp.url + '/login');
    await page.getByLabel('电子邮箱').fill(ADMIN.email);
    await page.getByLabel('密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '问卷' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.context().close();
  });
});
