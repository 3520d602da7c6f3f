import fs from 'node:fs/promises';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseModel } from '../../server/responses/response.model';
import type { SurveyElement } from '../../shared/survey-definition/definition.schema';
import { getTemplate, TEMPLATE_KEYS } from '../../shared/survey-definition/templates';
import { localizedText } from '../../shared/survey-definition/survey-locale';
import { startBrowserSession, type BrowserSession } from '../harness/browser-session';
import { publishSurvey } from '../integration/responses-fixtures';

/** A small phone; screenshots of each template on it are kept as test artefacts. */
const PHONE = { width: 360, height: 740 };
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/phone-scales');

let tp: BrowserSession;
let admin: string;

beforeAll(async () => {
  // Fill-time check off: this suite taps as fast as Chromium can, which is what it measures, not a bot.
  tp = await startBrowserSession({ RESPOND_RATE_PER_IP: '10000', RESPOND_MIN_FILL_MS: '0' });
  admin = await tp.login();
  await fs.mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await tp?.stop();
});

/** The end labels each rating scale of a template must show, by question title (English). */
function ratingEnds(key: (typeof TEMPLATE_KEYS)[number]): Map<string, [string, string]> {
  const ends = new Map<string, [string, string]>();
  const pages = getTemplate(key).pages as { elements: SurveyElement[] }[];
  for (const element of pages.flatMap((page) => page.elements)) {
    if (element.type !== 'rating') continue;
    const text = (value: unknown) => localizedText(value as Parameters<typeof localizedText>[0], 'en');
    ends.set(text(element.title), [text(element.minRateDescription), text(element.maxRateDescription)]);
  }
  return ends;
}

/** Answers one scale with a single tap on a middle choice and checks that the tap chose it. */
async function tapOnce(group: Locator): Promise<void> {
  const choices = group.locator('label');
  const count = await choices.count();
  expect(count).toBeGreaterThanOrEqual(3);
  const target = choices.nth(Math.floor(count / 2));
  // Every choice sits inside the phone's width: no scale scrolls sideways or hides choices.
  for (let i = 0; i < count; i++) {
    const box = (await choices.nth(i).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  }
  await target.tap();
  expect(await group.getByRole('radio', { checked: true }).count()).toBe(1);
}

describe('every template on a 360×740 phone', () => {
  for (const key of TEMPLATE_KEYS) {
    it(`${key}: each scale is answered with one tap, ends labelled, no drop-down`, async () => {
      const survey = await publishSurvey(tp, admin, getTemplate(key));
      const context = await tp.browser.newContext({ locale: 'en-US', viewport: PHONE, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(`${tp.url}/s/${survey.slug}`);
      await page.locator('.sd-question').first().waitFor();
      const ends = ratingEnds(key);
      let answered = 0;
      for (let pageIndex = 0; ; pageIndex++) {
        expect(await page.getByRole('combobox').count()).toBe(0);
        expect(await page.getByText('Select...').count()).toBe(0);
        // Rating scales, found by their title, show both end labels.
        for (const [title, labels] of ends) {
          const group = page.getByRole('radiogroup', { name: title, exact: true });
          if ((await group.count()) === 0) continue;
          for (const label of labels) expect(await group.getByText(label, { exact: true }).isVisible()).toBe(true);
          await tapOnce(group);
          answered++;
        }
        // Choice questions (Kano) take one tap too.
        for (const group of await page.getByRole('radiogroup').all()) {
          if ((await group.getByRole('radio', { checked: true }).count()) > 0) continue;
          await tapOnce(group);
          answered++;
        }
        await page.screenshot({ path: path.join(SCREENSHOTS, `${key}-page-${pageIndex + 1}.png`), fullPage: true });
        const next = page.getByRole('button', { name: 'Next' });
        if (!(await next.isVisible())) break;
        await next.click();
        await page.getByRole('radiogroup').first().waitFor();
      }
      // Every scale of the template was on screen as buttons or radios, and each took one tap.
      expect(answered).toBe(ends.size + (key === 'kano' ? 6 : 0));
      await page.getByRole('button', { name: 'Complete' }).click();
      await page.getByText('Thank you for completing the survey').waitFor();
      expect(await ResponseModel.countDocuments({ surveyId: survey.id })).toBe(1);
      await context.close();
    });
  }
});
