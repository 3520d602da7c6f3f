import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, startBrowserSession, type BrowserSession } from '../harness/browser-session';
import { publishSurvey, SERVICE_SURVEY } from '../integration/responses-fixtures';

// Issue 13, low: designer HTML (html questions, completedHtml, ...) went into the page unsanitised on
// the respondent page and in the builder preview. The CSP already stops inline handlers from running;
// the markup must not reach the DOM at all, whatever the CSP of the page that shows it.

let tp: BrowserSession;
let survey: { id: string; slug: string };

const HOSTILE_HTML =
  '<p>Opening hours: <b id="safe-bold">nine to five</b></p>' +
  '<img id="hostile-img" src="x" onerror="window.__pwned = 1">' +
  '<script>window.__pwned = 2</script>' +
  '<a id="hostile-link" href="javascript:window.__pwned = 3">details</a>';
const TAGGED_TITLE = 'Your name <img src=x onerror="window.__pwned = 4">';

const DEFINITION = {
  ...SERVICE_SURVEY,
  pages: [
    {
      name: 'notice',
      elements: [
        { type: 'html', name: 'hours', html: HOSTILE_HTML },
        { type: 'text', name: 'name', title: TAGGED_TITLE },
        ...SERVICE_SURVEY.pages[0]!.elements,
      ],
    },
    ...SERVICE_SURVEY.pages.slice(1),
  ],
};

beforeAll(async () => {
  tp = await startBrowserSession();
  survey = await publishSurvey(tp, await tp.login(), DEFINITION);
});
afterAll(() => tp?.stop());

/** Asserts the survey inside `root` shows the safe markup and none of the hostile one. */
async function expectSanitised(page: Page, root: Locator): Promise<void> {
  const bold = root.locator('#safe-bold');
  await bold.waitFor();
  expect(await bold.evaluate((element) => element.tagName)).toBe('B');
  expect(await bold.textContent()).toBe('nine to five');
  // A tag in a title is text, not markup.
  await root.getByText(TAGGED_TITLE).waitFor();
  expect(await root.locator('[onerror]').count()).toBe(0);
  expect(await root.locator('script').count()).toBe(0);
  expect(await root.locator('#hostile-img').count()).toBe(1);
  expect(await root.locator('#hostile-link').getAttribute('href')).toBeNull();
  await root.locator('#hostile-link').click();
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
}

describe('designer HTML in Chromium', () => {
  it('is sanitised on the respondent page', async () => {
    const context = await tp.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${tp.url}/s/${survey.slug}`);
    await expectSanitised(page, page.locator('#root'));
    await context.close();
  });

  it('is sanitised in the builder preview', async () => {
    const page = await signedInPage(tp);
    await page.goto(`${tp.url}/surveys/${survey.id}`);
    await expectSanitised(page, page.getByRole('region', { name: 'Preview' }));
    await page.context().close();
  });
});
