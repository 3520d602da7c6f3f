// Ingest benchmark: `node --import tsx scripts/bench/ingest.ts [--quick]`.
// 50 concurrent clients post valid responses to POST /api/public/surveys/:slug/responses on the whole platform
// (embedded store and redis-server, as `npm start` runs it), against a bare Express JSON echo endpoint in the
// same process and run. The ratio is what to read; absolute numbers depend on the machine.
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import express from 'express';
import { Types } from 'mongoose';
import { loadConfig } from '../../server/config';
import { startPlatform } from '../../server/platform';
import { ResponseModel } from '../../server/responses/response.model';
import type { SurveyDefinition } from '../../shared/survey-definition/definition.schema';
import { signedSurveyLink } from '../../server/surveys/survey-link';
import { createSurvey, publishSurvey } from '../../server/surveys/survey.service';
import { createTouchpoint } from '../../server/touchpoints/touchpoint.service';
import { median, runLoad, type LoadResult } from './lib/http-load';

const { values: flags } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const DURATION_MS = flags.quick ? 3_000 : 10_000;
const WARMUP_MS = flags.quick ? 1_000 : 2_000;
const ROUNDS = flags.quick ? 1 : 2;
const CONCURRENCY = 50;

/** A short service survey of the kind customers get after a visit: CSAT, NPS, a choice and a comment. */
const DEFINITION: SurveyDefinition = {
  pages: [
    {
      name: 'visit',
      elements: [
        { type: 'rating', name: 'satisfaction', metric: 'csat', rateMin: 1, rateMax: 5, isRequired: true },
        { type: 'rating', name: 'recommend', metric: 'nps', rateMin: 0, rateMax: 10, isRequired: true },
        { type: 'radiogroup', name: 'reason', choices: ['account', 'loan', 'advice'] },
        { type: 'checkbox', name: 'services', choices: ['counter', 'atm', 'advisor'] },
        { type: 'comment', name: 'remarks', maxLength: 2000 },
      ],
    },
  ],
};

/** Body of request i; answers vary per request, as real ones do. Runs in the load worker. */
const bodySource = (version: number, sig: string) => `(i, uuid) => ({
  version: ${version},
  sig: '${sig}',
  submissionId: uuid(),
  answers: {
    satisfaction: 1 + (i % 5),
    recommend: i % 11,
    reason: ['account', 'loan', 'advice'][i % 3],
    services: i % 2 ? ['counter'] : ['atm', 'advisor'],
    remarks: 'Visit number ' + i + ': the staff were helpful and the queue was short.',
  },
  touchpoint: 'branch',
  channel: 'on-site',
  locale: 'en',
  elapsedMs: 20000 + (i % 5000),
})`;

function startEchoServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.use(express.json({ limit: '100kb' }));
  app.post('/echo', (req, res) => {
    res.json(req.body);
  });
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/echo`, close: () => new Promise((done) => server.close(() => done())) });
      server.closeIdleConnections();
    });
  });
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-bench-ingest-'));
const config = loadConfig({
  PORT: '0',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  ADMIN_PASSWORD: 'bench-password-0123',
  RESPOND_RATE_PER_IP: '1000000',
  RESPOND_RATE_PER_SURVEY: '100000000',
});
const platform = await startPlatform(config, { api: true, workers: false });
const echo = await startEchoServer();
try {
  const userId = new Types.ObjectId().toString();
  const { id } = await createSurvey({ title: 'Branch visit', definition: DEFINITION }, userId);
  const { version, slug } = await publishSurvey(id, userId);
  await createTouchpoint({ key: 'branch', name: 'Branch' });
  // Tagged answers come through a link staff made (QR code, kiosk, email): the page sends its signature.
  const { sig } = await signedSurveyLink(platform.context, { surveyId: id, touchpoint: 'branch', channel: 'on-site' });
  const ingestUrl = `${platform.url}/api/public/surveys/${slug}/responses`;

  console.log(`ingest bench: ${CONCURRENCY} clients, ${DURATION_MS / 1000} s per measurement after ${WARMUP_MS / 1000} s warm-up, ${ROUNDS} round(s), ${os.cpus().length} CPUs`);
  const results: { echo: LoadResult[]; ingest: LoadResult[] } = { echo: [], ingest: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, url] of [['echo', echo.url], ['ingest', ingestUrl]] as const) {
      const result = await runLoad({ url, concurrency: CONCURRENCY, durationMs: DURATION_MS, warmupMs: WARMUP_MS, bodySource: bodySource(version, sig) });
      results[name].push(result);
      console.log(`  round ${round + 1} ${name.padEnd(6)} ${result.perSecond.toFixed(0).padStart(7)}/s  statuses ${JSON.stringify(result.statuses)}`);
    }
  }

  const stored = await ResponseModel.countDocuments({ surveyId: id });
  const created = results.ingest.reduce((sum, result) => sum + (result.statuses['201'] ?? 0), 0);
  const row = (name: string, list: LoadResult[]) =>
    `${name.padEnd(28)} ${median(list.map((r) => r.perSecond)).toFixed(0).padStart(9)} ${median(list.map((r) => r.p50)).toFixed(1).padStart(9)} ${median(list.map((r) => r.p99)).toFixed(1).padStart(9)}`;
  console.log('');
  console.log(`${'endpoint'.padEnd(28)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)}`);
  console.log(row('Express JSON echo', results.echo));
  console.log(row('POST .../responses (201)', results.ingest));
  const ratio = median(results.ingest.map((r) => r.perSecond)) / median(results.echo.map((r) => r.perSecond));
  console.log(`\nratio ingest/echo: ${ratio.toFixed(3)} (goal >= 0.25)`);
  console.log(`responses stored: ${stored} (201 replies counted after warm-up: ${created})`);
  const failed = results.ingest.some((result) => Object.keys(result.statuses).some((status) => status !== '201'));
  if (failed) console.log('WARNING: some ingest requests did not get 201; see the statuses above.');
} finally {
  await echo.close();
  await platform.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
