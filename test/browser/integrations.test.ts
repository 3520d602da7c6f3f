import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPage, startBrowserSession, type BrowserSession } from '../harness/browser-session';

let tp: BrowserSession;
let receiver: http.Server;
let receiverUrl: string;

beforeAll(async () => {
  receiver = http.createServer((_req, res) => res.writeHead(204).end());
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  tp = await startBrowserSession({ WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' });
});
afterAll(async () => {
  await tp?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

const isLocal = (url: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname) || url.startsWith('data:');

describe('integrations in Chromium', () => {
  it('renders the API reference from our own assets, with no request leaving the machine and nothing refused by the CSP', async () => {
    const page = await signedInPage(tp);
    const requested: string[] = [];
    const refused: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    await page.goto(`${tp.url}/ops/api-docs`);
    await page.getByRole('heading', { name: /Touchpoint API/ }).waitFor();
    // An operation from the generated document, with its summary. The list is long enough that Swagger UI
    // draws only the on-screen part of it, so find the operation as a reader does: through the filter box.
    await page.getByPlaceholder('Filter by tag or path').fill('webhooks');
    await expect.poll(() => page.getByText('Register a webhook endpoint (admin)').count()).toBeGreaterThan(0);
    expect(requested.some((url) => url.endsWith('/api/openapi.json'))).toBe(true);
    expect(requested.filter((url) => !isLocal(url))).toEqual([]);
    expect(refused.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    await page.context().close();
  });

  it('lets an admin add a webhook endpoint, shows its secret once, and lists its deliveries', async () => {
    const page = await signedInPage(tp);
    await page.getByRole('navigation').getByRole('link', { name: 'Webhooks' }).click();
    await page.getByLabel('URL').fill(receiverUrl);
    await page.getByLabel('alert.breach').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect.poll(() => page.getByLabel('Signing secret').textContent()).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Deliveries' }).click();
    await page.getByText('Nothing delivered yet.').waitFor();

    await page.reload();
    await page.getByText(receiverUrl).waitFor();
    expect(await page.getByText(/^whsec_/).count()).toBe(0);
    await page.context().close();
  });
});
