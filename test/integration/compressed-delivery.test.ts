import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressAssets } from '../../scripts/build-client';
import { createApp } from '../../server/app';
import { getTemplate } from '../../shared/survey-definition/templates';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey } from './responses-fixtures';

/** A hashed asset as Vite names them; its content is a real library bundle, so sizes are realistic. */
const ASSET = 'assets/respond-Bx7kQ2aZ.js';
const RESPOND_HTML = `<!doctype html><html><head><meta charset="utf-8" /><script type="module" src="/${ASSET}"></script></head><body><div id="root"></div></body></html>`;

let tp: TestPlatform;
let admin: string;
let clientDist: string;
let client: http.Server;
let clientOrigin: string;
let original: Buffer;

interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent on the wire, before any decoding. */
  wire: Buffer;
}

/** GET with an explicit Accept-Encoding, keeping the body as received (fetch would decode it). */
function rawGet(url: string, acceptEncoding: string | null, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { ...headers, ...(acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding }) } }, (reply) => {
      const chunks: Buffer[] = [];
      reply.on('data', (chunk: Buffer) => chunks.push(chunk));
      reply.on('end', () => resolve({ status: reply.statusCode!, headers: reply.headers, wire: Buffer.concat(chunks) }));
      reply.on('error', reject);
    });
    request.on('error', reject);
  });
}

function decode({ headers, wire }: RawReply): Buffer {
  switch (headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(wire);
    case 'gzip':
      return zlib.gunzipSync(wire);
    case undefined:
      return wire;
    default:
      throw new Error(`unexpected Content-Encoding ${headers['content-encoding']}`);
  }
}

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tp.login();
  // A small built client in this test's data directory, precompressed by the build's own step.
  clientDist = path.join(tp.dataDir, 'client');
  original = await fs.readFile(path.join(import.meta.dirname, '../../node_modules/survey-core/survey.core.js'));
  await fs.mkdir(path.join(clientDist, 'assets'), { recursive: true });
  await fs.writeFile(path.join(clientDist, ASSET), original);
  await fs.writeFile(path.join(clientDist, 'respond.html'), RESPOND_HTML);
  await fs.writeFile(path.join(clientDist, 'index.html'), RESPOND_HTML.replace('respond-', 'index-'));
  expect(await precompressAssets(clientDist)).toBe(3);
  const context = tp.platform.context;
  client = http.createServer(createApp({ ...context, config: { ...context.config, clientDist } }));
  await new Promise<void>((resolve) => client.listen(0, '127.0.0.1', resolve));
  clientOrigin = `http://127.0.0.1:${(client.address() as { port: number }).port}`;
});
afterAll(async () => {
  if (client) await new Promise<void>((resolve) => client.close(() => resolve()));
  await tp?.stop();
});

describe('built assets, sent from the build’s .br and .gz copies', () => {
  it('decode to the same bytes for br, gzip and identity, with the matching Content-Encoding and Vary', async () => {
    const replies = {
      br: await rawGet(`${clientOrigin}/${ASSET}`, 'gzip, deflate, br'),
      gzip: await rawGet(`${clientOrigin}/${ASSET}`, 'gzip'),
      identity: await rawGet(`${clientOrigin}/${ASSET}`, null),
    };
    expect(replies.br.headers['content-encoding']).toBe('br');
    expect(replies.gzip.headers['content-encoding']).toBe('gzip');
    expect(replies.identity.headers['content-encoding']).toBeUndefined();
    for (const reply of Object.values(replies)) {
      expect(reply.status).toBe(200);
      expect(reply.headers.vary).toMatch(/accept-encoding/i);
      expect(reply.headers['content-type']).toMatch(/javascript/);
      expect(reply.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
      expect(Number(reply.headers['content-length'])).toBe(reply.wire.length);
      expect(decode(reply).equals(original)).toBe(true);
    }
    // Precompressed at maximum quality: brotli beats gzip, and both are far below the raw bundle.
    expect(replies.br.wire.length).toBeLessThan(replies.gzip.wire.length);
    expect(replies.gzip.wire.length).toBeLessThan(original.length / 3);
  });

  it('sends the raw asset to a client that asks for identity', async () => {
    const reply = await rawGet(`${clientOrigin}/${ASSET}`, 'identity');
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.wire.equals(original)).toBe(true);
  });
});

describe('pages and API JSON, compressed on the fly', () => {
  it('sends the respondent page, with its survey embedded, brotli-compressed when asked', async () => {
    const { slug } = await publishSurvey(tp, admin);
    const br = await rawGet(`${clientOrigin}/s/${slug}`, 'br, gzip');
    const plain = await rawGet(`${clientOrigin}/s/${slug}`, null);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(decode(br).toString()).toBe(plain.wire.toString());
    expect(plain.wire.toString()).toContain(`"slug":"${slug}"`);
  });

  it('compresses API JSON above the threshold and leaves small replies alone', async () => {
    const { slug } = await publishSurvey(tp, admin, getTemplate('servqual'));
    const gzip = await rawGet(`${tp.url}/api/public/surveys/${slug}`, 'gzip');
    const br = await rawGet(`${tp.url}/api/public/surveys/${slug}`, 'br');
    const plain = await rawGet(`${tp.url}/api/public/surveys/${slug}`, null);
    expect(plain.wire.length).toBeGreaterThan(1024);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decode(gzip).toString())).toEqual(JSON.parse(plain.wire.toString()));
    expect(JSON.parse(decode(br).toString())).toEqual(JSON.parse(plain.wire.toString()));
    const small = await rawGet(`${tp.url}/api/health`, 'br, gzip');
    expect(small.wire.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
