import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A real HTTP receiver on loopback: records every request; `failures` says how many to answer 500 per path first. */
export async function startReceiver() {
  const received: ReceivedWebhook[] = [];
  const failures = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      received.push({ path: url, headers: req.headers as Record<string, string>, body });
      const left = failures.get(url) ?? 0;
      if (left > 0) failures.set(url, left - 1);
      res.statusCode = left > 0 ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: (pathname: string) => `http://127.0.0.1:${port}${pathname}`,
    received,
    at: (pathname: string) => received.filter((r) => r.path === pathname),
    failures,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Verify = (secret: string, headers: Record<string, string>, body: string, toleranceSeconds?: number) => unknown;

/** The receiver example of README "Integrations", loaded as written there, so the README code is what is tested. */
export async function readmeVerifier(): Promise<Verify> {
  const readme = await fs.readFile(path.join(import.meta.dirname, '../../README.md'), 'utf8');
  const code = /```js\n\/\/ verify-webhook\.mjs\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!code) throw new Error('README has no verify-webhook.mjs example');
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'verify-webhook-')), 'verify-webhook.mjs');
  await fs.writeFile(file, code);
  return ((await import(pathToFileURL(file).href)) as { verifyWebhook: Verify }).verifyWebhook;
}
