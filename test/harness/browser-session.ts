import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchChromium } from './browser';
import { ADMIN, startTestPlatform, type TestPlatform } from './platform';

/** What every browser suite starts with: the whole platform serving the built client, and Chromium. */
export interface BrowserSession extends TestPlatform {
  browser: Browser;
  /** Closes Chromium, then stops the platform. */
  stop(): Promise<void>;
}

/** Boots the platform (with `env`) and Chromium; fails at once when the client was not built. */
export async function startBrowserSession(env: Record<string, string> = {}): Promise<BrowserSession> {
  const tp = await startTestPlatform(env);
  const index = path.join(tp.platform.context.config.clientDist, 'index.html');
  if (!fs.existsSync(index)) {
    await tp.stop();
    throw new Error(`no client build at ${index}: run browser suites with \`vitest --project browser\`, whose global setup builds it`);
  }
  const browser = await launchChromium().catch(async (error: unknown) => {
    await tp.stop();
    throw error;
  });
  return {
    ...tp,
    browser,
    async stop() {
      await browser.close();
      await tp.stop();
    },
  };
}

export interface Credentials {
  email: string;
  password: string;
}

/** The sign-in form's labels; English unless a suite reads the page in another language. */
export interface SignInLabels {
  email: string;
  password: string;
  signIn: string;
}

export const SIGN_IN_LABELS = {
  en: { email: 'Email', password: 'Password', signIn: 'Sign in' },
  zhCN: { email: '电子邮箱', password: '密码', signIn: '登录' },
} as const satisfies Record<string, SignInLabels>;

export interface SignInOptions {
  /** Who signs in; the administrator unless given. */
  as?: Credentials;
  /** Where the login page sends the browser afterwards. */
  next?: string;
  labels?: SignInLabels;
}

/** Signs in through the login form as a person would, landing on `next`, and waits for the staff navigation. */
export async function signIn(page: Page, baseUrl: string, options: SignInOptions = {}): Promise<void> {
  const { as = ADMIN, next, labels = SIGN_IN_LABELS.en } = options;
  await page.goto(`${baseUrl}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel(labels.email).fill(as.email);
  await page.getByLabel(labels.password).fill(as.password);
  await page.getByRole('button', { name: labels.signIn }).click();
  await page.getByRole('navigation').waitFor();
}

/** A desktop-sized page (English unless `context` says otherwise) in a fresh context, signed in as `signIn` does. */
export async function signedInPage(session: BrowserSession, options: SignInOptions & { context?: BrowserContextOptions } = {}): Promise<Page> {
  const context = await session.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, ...options.context });
  const page = await context.newPage();
  await signIn(page, session.url, options);
  return page;
}

let axeSource: string | undefined;

/** Serious and critical axe-core violations on the page, as `rule: selectors` lines. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}
