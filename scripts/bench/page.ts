// Respondent page benchmark: `node --import tsx scripts/bench/page.ts [--runs N]`.
// Builds the client and, in the same run, a minimal page rendering the same survey with the same libraries
// (React, survey-core, survey-react-ui, the fontless CSS) and nothing else. The platform serves its page as
// in production (prebuilt brotli assets, compressed HTML); the minimal page is served by a bare express.static
// behind the `compression` middleware limited to gzip, as a plain static host would. Both are loaded cold in
// headless Chromium on a phone-sized screen; through the DevTools protocol the bench records the JS and CSS
// bytes as received on the wire (Network.loadingFinished encodedDataLength, headers included) and the time to
// the first rendered question, unthrottled and on a slow phone (1.6 Mbit/s down, 150 ms RTT, CPU 4x slower).
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import react from '@vitejs/plugin-react';
import compression from 'compression';
import express from 'express';
import { Types } from 'mongoose';
import { build } from 'vite';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { startPlatform } from '../../server/platform';
import { createSurvey, publishSurvey } from '../../server/surveys/survey.service';
import { getTemplate } from '../../shared/survey-definition/templates';
import { launchChromium } from '../../test/harness/browser';
import { buildClient as buildBothPasses } from '../build-client';
import { chunkGraphRecorder, entryBytes, gzipBytesOf, reachableChunks, type ChunkGraph } from './lib/entry-assets';
import { median } from './lib/http-load';

const { values: flags } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Number(flags.runs);
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLIENT_DIST = path.join(ROOT, 'dist/client');
const WORK = path.join(ROOT, '.tmp', `bench-page-${process.pid}`);
const BASELINE_DIST = path.join(WORK, 'dist');
/** Modules of client/ the respondent entry may load; anything else there is staff code. */
const RESPONDENT_CLIENT_MODULES = [/\/client\/respond\//, /\/client\/respond\.html$/, /\/client\/i18n\/locale\.ts$/, /\/client\/lib\/(router\.ts|use-load\.ts|base\.css)$/];

const BASELINE_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Survey</title></head>
  <body><div id="root"></div><script type="module" src="./main.tsx"></script></body>
</html>`;
const BASELINE_MAIN = `import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.min.css';

const slug = location.pathname.split('/').pop() ?? '';
fetch('/api/public/surveys/' + slug)
  .then((reply) => reply.json())
  .then(({ definition }) => createRoot(document.getElementById('root')!).render(<Survey model={new Model(definition)} />));
`;

async function buildClient(): Promise<ChunkGraph> {
  const graph: ChunkGraph = { chunks: new Map() };
  await buildBothPasses({ plugins: [chunkGraphRecorder(graph)] });
  return graph;
}

async function buildBaseline(): Promise<void> {
  await fs.mkdir(WORK, { recursive: true });
  await fs.writeFile(path.join(WORK, 'index.html'), BASELINE_HTML);
  await fs.writeFile(path.join(WORK, 'main.tsx'), BASELINE_MAIN);
  await build({ configFile: false, root: WORK, base: '/baseline/', logLevel: 'warn', plugins: [react()], build: { outDir: BASELINE_DIST, emptyOutDir: true } });
}

/** Records when the first question is on screen: found in the DOM, then one frame later (painted). */
const FIRST_QUESTION_PROBE = `(() => {
  const seen = () => document.querySelector('.sd-question');
  const mark = () => requestAnimationFrame(() => { window.__firstQuestion = performance.now(); });
  new MutationObserver((_, observer) => { if (seen()) { observer.disconnect(); mark(); } })
    .observe(document, { childList: true, subtree: true });
})();`;

const mb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** A slow phone on a mobile network: Chrome DevTools' protocol terms (bytes per second, ms). */
const THROTTLED = { network: { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 }, cpu: 4 };
const MODES = [
  ['unthrottled', null, 1.15],
  ['1.6 Mbit/s, 150 ms, CPU 4x', THROTTLED, 1.0],
] as const;

interface Load {
  ms: number;
  /** JS (lazy chunks left out: when they load varies) and CSS bytes as the browser received them, compressed body plus headers. */
  wire: { js: number; css: number };
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-bench-page-'));
console.log('building the client and the baseline page…');
const graph = await buildClient();
await buildBaseline();

const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'bench-password-0123' });
const platform = await startPlatform(config, { api: false, workers: false });
const app = express();
// The baseline is built under .tmp/ (inside the repository, so its imports resolve node_modules).
// The reference is a plain gzip static host: Chromium also offers br, which `compression` would prefer.
const gzipOnly: express.RequestHandler = (req, _res, next) => {
  req.headers['accept-encoding'] = 'gzip';
  next();
};
app.use('/baseline', gzipOnly, compression());
app.get('/baseline/s/:slug', (_req, res) => res.sendFile(path.join(BASELINE_DIST, 'index.html'), { dotfiles: 'allow' }));
app.use('/baseline', express.static(BASELINE_DIST, { index: false, dotfiles: 'allow' }));
app.use(createApp(platform.context));
const server = http.createServer(app);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const browser = await launchChromium();
try {
  const userId = new Types.ObjectId().toString();
  const { id } = await createSurvey({ title: 'Customer satisfaction', definition: getTemplate('csat') }, userId);
  const { slug } = await publishSurvey(id, userId);

  // Bytes: what each entry loads before running, and what the respondent page fetches after its first render.
  const html = await fs.readFile(path.join(CLIENT_DIST, 'respond.html'), 'utf8');
  const roots = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((match) => match[1]!);
  const { initial, lazy } = reachableChunks(graph, roots);
  const clientModules = [...initial].flatMap((file) => graph.chunks.get(file)!.modules).filter((module) => module.includes(`${ROOT}/client/`));
  const staffModules = clientModules.filter((module) => !RESPONDENT_CLIENT_MODULES.some((allowed) => allowed.test(module)));
  // zod and the shared schemas are checks the page loads after its first paint (client/respond/shared-checks.ts).
  const entryModules = [...initial].flatMap((file) => graph.chunks.get(file)!.modules);
  const schemaModules = [...new Set(entryModules.filter((module) => /\.schema\.ts$/.test(module)).map((module) => path.relative(ROOT, module)))];
  const zodInEntry = entryModules.some((module) => module.includes('/node_modules/zod/'));
  const page = entryBytes(CLIENT_DIST, 'respond.html');
  const baseline = entryBytes(BASELINE_DIST, 'index.html');

  const lazyFiles = new Set([...lazy].map((file) => path.basename(file)));
  const load = async (url: string, throttle: typeof THROTTLED | null): Promise<Load> => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    const responses = new Map<string, { type: string; url: string }>();
    const wire = { js: 0, css: 0 };
    cdp.on('Network.responseReceived', (event) => responses.set(event.requestId, { type: event.type, url: event.response.url }));
    cdp.on('Network.loadingFinished', (event) => {
      const response = responses.get(event.requestId);
      if (response?.type === 'Script' && !lazyFiles.has(path.basename(new URL(response.url).pathname))) wire.js += event.encodedDataLength;
      if (response?.type === 'Stylesheet') wire.css += event.encodedDataLength;
    });
    await cdp.send('Network.enable');
    if (throttle) {
      await cdp.send('Network.emulateNetworkConditions', throttle.network);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
    }
    await tab.addInitScript(FIRST_QUESTION_PROBE);
    await tab.goto(url, { waitUntil: 'commit' });
    await tab.waitForFunction(() => (window as unknown as { __firstQuestion?: number }).__firstQuestion !== undefined, undefined, { timeout: 60_000 });
    const ms = await tab.evaluate(() => (window as unknown as { __firstQuestion: number }).__firstQuestion);
    // Scripts still downloading after the first paint (the lazy shared checks) count too: wait for the network to settle.
    await tab.waitForLoadState('networkidle');
    await context.close();
    return { ms, wire };
  };
  const results: { mode: string; goal: number; page: Load[]; baseline: Load[] }[] = [];
  for (const [mode, throttle, goal] of MODES) {
    const row = { mode, goal, page: [] as Load[], baseline: [] as Load[] };
    await load(`${origin}/s/${slug}`, null); // warm the server and the OS file cache
    await load(`${origin}/baseline/s/${slug}`, null);
    for (let run = 0; run < RUNS; run++) {
      row.page.push(await load(`${origin}/s/${slug}`, throttle));
      row.baseline.push(await load(`${origin}/baseline/s/${slug}`, throttle));
    }
    results.push(row);
  }

  console.log(`\nrespondent entry as built (gzip -9 of each file), phone-sized viewport\n`);
  console.log(`${''.padEnd(34)} ${'JS gzip'.padStart(11)} ${'CSS gzip'.padStart(11)}`);
  console.log(`${'respondent page /s/:slug'.padEnd(34)} ${mb(page.js.gzip).padStart(11)} ${mb(page.css.gzip).padStart(11)}`);
  console.log(`${'minimal page, same libraries'.padEnd(34)} ${mb(baseline.js.gzip).padStart(11)} ${mb(baseline.css.gzip).padStart(11)}`);
  // Lazy: the shared checks (answer validator, zod schemas; fetched after the first question shows) and SurveyJS's zh-CN strings (zh-CN only).
  console.log(`${'respondent page, lazy chunks'.padEnd(34)} ${mb(gzipBytesOf(CLIENT_DIST, lazy)).padStart(11)}   (${[...lazy].map((file) => path.basename(file)).join(', ')})`);
  console.log(`staff code in the respondent entry: ${staffModules.length === 0 ? 'none' : staffModules.join(', ')}`);
  console.log(`zod / shared schemas in the respondent entry: ${zodInEntry ? 'zod' : 'no zod'}, ${schemaModules.length === 0 ? 'no schemas' : schemaModules.join(', ')}`);

  // Bytes on the wire do not depend on throttling; the unthrottled loads' median is reported.
  const wire = (loads: Load[], kind: keyof Load['wire']) => median(loads.map((one) => one.wire[kind]));
  const [first] = results;
  console.log(`\non the wire, as Chromium received them (Network.loadingFinished, headers included)\n`);
  console.log(`${''.padEnd(44)} ${'JS'.padStart(11)} ${'CSS'.padStart(11)}`);
  console.log(`${'respondent page /s/:slug (brotli, prebuilt)'.padEnd(44)} ${mb(wire(first!.page, 'js')).padStart(11)} ${mb(wire(first!.page, 'css')).padStart(11)}   (goal JS <= 350 KiB)`);
  const lazyBrotli = [...lazy].reduce((total, file) => total + readFileSync(path.join(CLIENT_DIST, `${file}.br`)).length, 0);
  console.log(`${'respondent page, lazy chunks (.br files)'.padEnd(44)} ${mb(lazyBrotli).padStart(11)}   (loaded after the first question, not counted above)`);
  console.log(`${'minimal page (gzip on the fly)'.padEnd(44)} ${mb(wire(first!.baseline, 'js')).padStart(11)} ${mb(wire(first!.baseline, 'css')).padStart(11)}`);
  console.log(`\n${'time to first question'.padEnd(28)} ${'page ms'.padStart(9)} ${'minimal ms'.padStart(11)} ${'ratio'.padStart(7)}   (${RUNS} cold loads each, medians)`);
  for (const row of results) {
    const pageMs = median(row.page.map((one) => one.ms));
    const baselineMs = median(row.baseline.map((one) => one.ms));
    console.log(`${row.mode.padEnd(28)} ${pageMs.toFixed(0).padStart(9)} ${baselineMs.toFixed(0).padStart(11)} ${(pageMs / baselineMs).toFixed(3).padStart(7)}   (goal <= ${row.goal})`);
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await platform.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
  await fs.rm(WORK, { recursive: true, force: true });
}
