import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_SURVEY_ID } from '../../shared/surveys/embedded-survey';
import { startBrowserSession, type BrowserSession } from '../harness/browser-session';
import { publishSurvey } from '../integration/responses-fixtures';

// The page renders the embedded survey after a quick structural look (zod is not in its first JS) and
// confirms it with the shared schema once the survey is on screen.

let tp: BrowserSession;
let admin: string;

beforeAll(async () => {
  tp = await startBrowserSession({ RESPOND_RATE_PER_IP: '10000' });
  admin = await tp.login();
});
afterAll(async () => {
  await tp?.stop();
});

const BLOCK = new RegExp(`(<script id="${EMBEDDED_SURVEY_ID}" type="application/json">)([^<]*)(</script>)`);
const FIRST_QUESTION = 'How satisfied are you with your visit?';

/** Opens the survey with its embedded block rewritten by `rewrite`; records the survey API requests it makes. */
async function openRewritten(slug: string, rewrite: (json: string) => string): Promise<{ page: Page; fetched: string[] }> {
  const context = await tp.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/public/surveys/')) fetched.push(new URL(request.url()).pathname);
  });
  await page.route(`**/s/${slug}`, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    expect(html).toMatch(BLOCK);
    await route.fulfill({ response, body: html.replace(BLOCK, (_whole, open: string, json: string, close: string) => open + rewrite(json) + close) });
  });
  await page.goto(`${tp.url}/s/${slug}`);
  return { page, fetched };
}

describe('the respondent page checks the survey it renders', () => {
  it('renders the embedded survey without fetching it', async () => {
    const survey = await publishSurvey(tp, admin);
    const { page, fetched } = await openRewritten(survey.slug, (json) => json);
    await page.getByRole('radiogroup', { name: FIRST_QUESTION }).waitFor();
    // The shared checks load after the first paint; the page keeps the survey once they pass.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/assets/shared-checks')));
    await page.waitForTimeout(300);
    expect(await page.getByRole('radiogroup', { name: FIRST_QUESTION }).isVisible()).toBe(true);
    expect(fetched).toEqual([]);
    await page.context().close();
  });

  it('fetches the survey when the embedded block is malformed', async () => {
    const survey = await publishSurvey(tp, admin);
    for (const rewrite of [() => '{not json', (json: string) => json.replace(/"version":\d+/, '"version":"1"'), () => JSON.stringify({ slug: survey.slug, version: 1, definition: { pages: 'x' } })]) {
      const { page, fetched } = await openRewritten(survey.slug, rewrite);
      await page.getByRole('radiogroup', { name: FIRST_QUESTION }).waitFor();
      // Once per load (twice where the suite's build runs React's StrictMode checks).
      expect(new Set(fetched)).toEqual(new Set([`/api/public/surveys/${survey.slug}`]));
      await page.context().close();
    }
  });

  it('says the survey could not be loaded when it passes the quick look but not the shared schema', async () => {
    const survey = await publishSurvey(tp, admin);
    const { page } = await openRewritten(survey.slug, (json) => json.replace('"metric":"csat"', '"metric":"happiness"'));
    await page.getByRole('alert').getByText('The survey could not be loaded').waitFor();
    expect(await page.getByRole('radiogroup', { name: FIRST_QUESTION }).count()).toBe(0);
    await page.context().close();
  });
});
