import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseModel } from '../../server/responses/response.model';
import { signedInPage, startBrowserSession, type BrowserSession } from '../harness/browser-session';
import { publishSurvey } from '../integration/responses-fixtures';

let tp: BrowserSession;
let admin: string;

/** One page, one required scale and a comment: quick for a counter, enough to see answers carried over. */
const COUNTER_SURVEY = {
  title: 'Counter visit',
  pages: [
    {
      name: 'visit',
      elements: [
        { type: 'rating', name: 'satisfaction', title: 'How satisfied are you with your visit?', metric: 'csat', rateMin: 1, rateMax: 5, isRequired: true },
        { type: 'comment', name: 'remarks', title: 'Anything else?', maxLength: 200 },
      ],
    },
  ],
};

beforeAll(async () => {
  tp = await startBrowserSession({ RESPOND_RATE_PER_IP: '10000' });
  admin = await tp.login();
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'counter', name: 'Counter' } })).status).toBe(201);
});
afterAll(async () => {
  await tp?.stop();
});

/**
 * Rasterises an image in Chromium (drawn on a canvas at `size` pixels, on white) and reads it with jsQR,
 * as a phone camera would read the printed code. `image` is a selector of a rendered <img> or a URL.
 */
async function decodeQr(page: Page, image: { selector: string } | { url: string }, size = 400): Promise<string | null> {
  const pixels = await page.evaluate(
    async ({ image, size }) => {
      let img: HTMLImageElement;
      if ('selector' in image) img = document.querySelector<HTMLImageElement>(image.selector)!;
      else {
        img = new Image();
        img.src = image.url;
      }
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, size, size);
      context.drawImage(img, 0, 0, size, size);
      return Array.from(context.getImageData(0, 0, size, size).data);
    },
    { image, size },
  );
  return jsQR(Uint8ClampedArray.from(pixels), size, size)?.data ?? null;
}

const rating = (page: Page) => page.getByRole('radiogroup', { name: 'How satisfied are you with your visit?' });
const remarks = (page: Page) => page.getByLabel('Anything else?');

async function answer(page: Page, score: string, text: string): Promise<void> {
  await rating(page).getByText(score, { exact: true }).click();
  await remarks(page).fill(text);
  await remarks(page).blur();
}

/** Expects the survey on screen with nothing answered: what the next customer must see. */
async function expectBlankSurvey(page: Page): Promise<void> {
  await rating(page).waitFor();
  for (const score of ['1', '2', '3', '4', '5']) expect(await rating(page).getByRole('radio', { name: score }).isChecked()).toBe(false);
  expect(await remarks(page).inputValue()).toBe('');
}

async function kioskFor(surveyId: string, timings: { thankYouSeconds: number; idleSeconds: number }) {
  const created = await tp.request('/api/kiosks', { cookie: admin, body: { name: 'Tablet 1', surveyId, touchpoint: 'counter', channel: 'on-site', ...timings } });
  expect(created.status).toBe(201);
  return (created.body as { kioskUrl: string }).kioskUrl;
}

async function tabletPage(): Promise<Page> {
  const context = await tp.browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 768 }, hasTouch: true });
  return context.newPage();
}

describe('QR codes and the printable card', () => {
  it('prints a card whose code (SVG and PNG) decodes to the short link, which lands tagged on the survey', async () => {
    const survey = await publishSurvey(tp, admin, COUNTER_SURVEY);
    const staff = await signedInPage(tp);
    await staff.goto(`${tp.url}/surveys/${survey.id}`);
    await staff.getByLabel('Touchpoint', { exact: true }).selectOption('counter');
    await staff.getByLabel('Channel', { exact: true }).selectOption('on-site');
    const link = await tp.request(`/api/surveys/${survey.id}/link?touchpoint=counter&channel=on-site`, { cookie: admin });
    const { url: signed, shortUrl: expected } = link.body as { url: string; shortUrl: string };
    expect(signed).toMatch(/\?tp=counter&ch=on-site&sig=/);
    expect(expected).toMatch(/\/q\/[0-9A-Za-z]{10}$/);
    await staff.getByRole('link', { name: expected }).waitFor();
    await staff.getByRole('link', { name: signed }).waitFor();
    await staff.getByRole('link', { name: 'Printable card' }).click();

    const card = staff.locator('.qr-card');
    await card.getByRole('heading', { name: 'Branch visit' }).waitFor();
    expect(await card.locator('.qr-card-url').textContent()).toBe(expected.replace(/^http:\/\//, ''));
    expect(await decodeQr(staff, { selector: '.qr-card-code' })).toBe(expected);
    expect(await decodeQr(staff, { url: `/api/surveys/${survey.id}/qr.png?touchpoint=counter&channel=on-site&width=256` })).toBe(expected);
    await staff.context().close();

    // The scan: a phone opens the decoded short link, is sent on to the signed one, and answers.
    const phone = await tp.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(expected);
    expect(page.url()).toBe(signed);
    await answer(page, '5', 'Scanned at the counter');
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('Thank you for completing the survey').waitFor();
    const stored = await ResponseModel.find({ surveyId: survey.id }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ touchpoint: 'counter', channel: 'on-site', answers: { satisfaction: 5, remarks: 'Scanned at the counter' } });
    await phone.close();
  });
});

describe('a kiosk tablet', () => {
  it('serves two customers in turn: the second never sees the first one\'s answers, after a submit or an idle timeout', async () => {
    const survey = await publishSurvey(tp, admin, COUNTER_SURVEY);
    const page = await tabletPage();
    await page.goto(await kioskFor(survey.id, { thankYouSeconds: 1, idleSeconds: 3 }));

    // First customer answers and submits.
    await answer(page, '4', 'First customer');
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('Thank you for completing the survey').waitFor();
    await page.getByText('The survey starts again for the next customer').waitFor();
    // After the thank-you, a fresh survey for the next customer.
    await expectBlankSurvey(page);

    // Second customer starts, walks away half-way; the idle timeout clears the form.
    await answer(page, '2', 'Half done');
    await page.waitForFunction(() => (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value === '', undefined, { timeout: 10_000 });
    await expectBlankSurvey(page);

    // A third customer submits; nothing of the abandoned survey is sent or kept on the tablet.
    await answer(page, '5', 'Third customer');
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('Thank you for completing the survey').waitFor();
    await expect.poll(() => ResponseModel.countDocuments({ surveyId: survey.id }), { timeout: 10_000 }).toBe(2);
    const stored = await ResponseModel.find({ surveyId: survey.id }).sort({ submittedAt: 1 }).lean();
    expect(stored.map((response) => response.answers)).toEqual([
      { satisfaction: 4, remarks: 'First customer' },
      { satisfaction: 5, remarks: 'Third customer' },
    ]);
    expect(new Set(stored.map((response) => response.submissionId)).size).toBe(2);
    expect(stored.every((response) => response.touchpoint === 'counter' && response.channel === 'on-site')).toBe(true);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('touchpoint.respond.')))).toEqual([]);
    await page.context().close();
  });

  it('is registered and revoked by staff in the survey builder; a revoked tablet stops and stores nothing', async () => {
    const survey = await publishSurvey(tp, admin, COUNTER_SURVEY);
    const staff = await signedInPage(tp);
    staff.on('dialog', (dialog) => void dialog.accept());
    await staff.goto(`${tp.url}/surveys/${survey.id}`);
    await staff.getByLabel('Touchpoint', { exact: true }).selectOption('counter');
    await staff.getByLabel('Channel', { exact: true }).selectOption('on-site');
    await staff.getByLabel('Tablet name').fill('Front desk');
    await staff.getByRole('button', { name: 'Add kiosk' }).click();
    const kioskUrl = await staff.getByLabel('Kiosk link').inputValue();
    expect(kioskUrl).toMatch(/#kiosk=[A-Za-z0-9_-]{43}$/);

    const tablet = await tabletPage();
    await tablet.goto(kioskUrl);
    await rating(tablet).waitFor();
    await staff.getByRole('row', { name: /Front desk/ }).getByRole('button', { name: 'Revoke' }).click();
    await staff.getByRole('row', { name: /Front desk/ }).getByText('Revoked').waitFor();

    await answer(tablet, '3', 'After revoking');
    await tablet.getByRole('button', { name: 'Complete' }).click();
    await tablet.getByRole('alert').getByText('This kiosk is not set up').waitFor();
    expect(await ResponseModel.countDocuments({ surveyId: survey.id })).toBe(0);
    await tablet.context().close();
    await staff.context().close();
  });

  it('keeps serving while offline and sends each finished survey exactly once when back online', async () => {
    const survey = await publishSurvey(tp, admin, COUNTER_SURVEY);
    const page = await tabletPage();
    await page.goto(await kioskFor(survey.id, { thankYouSeconds: 1, idleSeconds: 60 }));
    await rating(page).waitFor();

    await page.context().setOffline(true);
    for (const [score, text] of [['3', 'Offline one'], ['4', 'Offline two']] as const) {
      await answer(page, score, text);
      await page.getByRole('button', { name: 'Complete' }).click();
      await page.getByText('Thank you for completing the survey').waitFor();
      await expectBlankSurvey(page);
    }
    await page.getByText('Answers waiting to be sent: 2').waitFor();
    expect(await ResponseModel.countDocuments({ surveyId: survey.id })).toBe(0);

    await page.context().setOffline(false);
    await page.getByText('Answers waiting to be sent').waitFor({ state: 'detached', timeout: 40_000 });
    const stored = await ResponseModel.find({ surveyId: survey.id }).lean();
    expect(stored.map((response) => response.answers.remarks).sort()).toEqual(['Offline one', 'Offline two']);
    expect(new Set(stored.map((response) => response.submissionId)).size).toBe(2);
    await page.context().close();
  });
});
