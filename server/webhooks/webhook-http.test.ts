import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from './webhook-http';

let server: http.Server;
let base: URL;
const seen: { host: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ host: req.headers.host, body });
      if (req.url === '/slow') return; // never answers
      if (req.url === '/redirect') return res.writeHead(307, { location: '/elsewhere' }).end();
      if (req.url === '/huge') {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const write = () => {
          while (res.write(chunk));
          res.once('drain', write);
        };
        return write();
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const loopback = { address: '127.0.0.1', family: 4 as const };

describe('posting a webhook', () => {
  it('connects to the checked address whatever the URL names, keeping the host name in the Host header', async () => {
    // The name would not resolve at all: the pinned address is used and nothing is looked up.
    const url = new URL(`http://hooks.invalid:${base.port}/ok`);
    expect(await postWebhook(url, loopback, { 'webhook-id': 'evt_1' }, '{"a":1}', 2000)).toEqual({ status: 204 });
    expect(seen.at(-1)).toEqual({ host: `hooks.invalid:${base.port}`, body: '{"a":1}' });
  });

  it('does not follow redirects', async () => {
    const before = seen.length;
    expect(await postWebhook(new URL('/redirect', base), loopback, {}, '{}', 2000)).toEqual({ status: 307 });
    expect(seen.length).toBe(before + 1);
  });

  it('gives up after the timeout, and stops reading a huge reply', async () => {
    const started = Date.now();
    await expect(postWebhook(new URL('/slow', base), loopback, {}, '{}', 300)).rejects.toThrow(/no complete answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await postWebhook(new URL('/huge', base), loopback, {}, '{}', 5000)).toEqual({ status: 200 });
  });
});
