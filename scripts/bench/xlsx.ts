// XLSX export benchmark: `node --expose-gc --import tsx scripts/bench/xlsx.ts [--rows 100000]`.
// Stores `rows` responses of a seven-question survey on the whole platform (embedded store, as `npm start`
// runs it), then downloads GET /api/surveys/:id/responses.xlsx and .csv, reading each body as it arrives
// and keeping only its length. Prints the time of each, the XLSX/CSV time ratio, the file sizes, and
// this process's JS heap before, after and at its peak (sampled every 20 ms) while each file streams:
// flat memory means the peak's growth stays far below the file's size.
// (The embedded store runs in its own process and holds every document in memory; it is not counted.)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Types } from 'mongoose';
import { CSRF_HEADER } from '../../shared/auth/auth.schema';
import { loadConfig } from '../../server/config';
import { startPlatform } from '../../server/platform';
import { ResponseModel } from '../../server/responses/response.model';
import { benchLogin } from './lib/login';

const { values: flags } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(flags.rows);
const PASSWORD = 'bench-password-0123';
const SURVEY = {
  pages: [
    {
      name: 'visit',
      elements: [
        { type: 'rating', name: 'satisfaction', title: { default: 'How satisfied are you?', 'zh-cn': '您满意吗？' }, metric: 'csat', rateMin: 1, rateMax: 5 },
        { type: 'rating', name: 'recommend', title: 'Would you recommend us?', metric: 'nps', rateMin: 0, rateMax: 10 },
        { type: 'radiogroup', name: 'reason', title: 'Main reason', choices: ['account', 'loan', 'advice'] },
        { type: 'checkbox', name: 'services', title: 'Services used', choices: ['counter', 'atm', 'advisor'] },
        { type: 'boolean', name: 'returning', title: 'Visited before?' },
        { type: 'text', name: 'visits', title: 'Visits this year', inputType: 'number' },
        { type: 'comment', name: 'remarks', title: 'Anything else?' },
      ],
    },
  ],
};
const REMARKS = ['Quick and kind.', '排队时间太长，等了四十分钟。', 'The advisor explained the loan terms clearly, thank you.', ''];

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function api(url: string, cookie: string, body: unknown): Promise<Record<string, unknown>> {
  const reply = await fetch(url, { method: 'POST', headers: { cookie, [CSRF_HEADER]: '1', 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (reply.status !== 201) throw new Error(`${url}: ${reply.status} ${await reply.text()}`);
  return (await reply.json()) as Record<string, unknown>;
}

/** Downloads one export, reading and dropping chunks; returns its time, size and the heap figures. */
async function measure(url: string, cookie: string) {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const started = performance.now();
  const reply = await fetch(url, { headers: { cookie } });
  if (reply.status !== 200 || !reply.body) throw new Error(`${url}: ${reply.status}`);
  let bytes = 0;
  const reader = reply.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
  const ms = performance.now() - started;
  clearInterval(sampler);
  const afterNoGc = process.memoryUsage().heapUsed;
  global.gc?.();
  return { ms, bytes, before, peak: Math.max(peak, afterNoGc), after: process.memoryUsage().heapUsed };
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-bench-xlsx-'));
const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ADMIN_PASSWORD: PASSWORD });
const platform = await startPlatform(config, { api: true, workers: false });
try {
  const url = platform.url as string;
  const cookie = await benchLogin(url, config.ADMIN_EMAIL, PASSWORD);
  const survey = await api(`${url}/api/surveys`, cookie, { title: 'Bench visit', definition: SURVEY });
  const surveyId = String(survey.id);
  await api(`${url}/api/surveys/${surveyId}/publish`, cookie, {});

  // Stored directly in batches: the bench is about the export, not the submit path (bench:ingest measures that).
  const seeded = performance.now();
  const start = Date.UTC(2026, 0, 1);
  for (let offset = 0; offset < ROWS; offset += 5000) {
    const docs = [];
    for (let i = offset; i < Math.min(ROWS, offset + 5000); i += 1) {
      docs.push({
        _id: new Types.ObjectId(),
        surveyId: new Types.ObjectId(surveyId),
        version: 1,
        submissionId: randomUUID(),
        answers: { satisfaction: 1 + (i % 5), recommend: i % 11, reason: ['account', 'loan', 'advice'][i % 3], services: i % 2 ? ['counter', 'atm'] : ['advisor'], returning: i % 3 === 0, visits: i % 9, remarks: REMARKS[i % 4] },
        metrics: { csat: 1 + (i % 5), nps: i % 11 },
        touchpoint: `branch-${i % 20}`,
        channel: i % 2 ? 'online' : 'on-site',
        locale: i % 3 ? 'en' : 'zh-CN',
        submittedAt: new Date(start + i * 60_000),
        foldState: 'folded',
      });
    }
    await ResponseModel.collection.insertMany(docs, { ordered: false });
  }
  console.log(`xlsx export bench: ${ROWS} responses stored in ${((performance.now() - seeded) / 1000).toFixed(1)} s, ${os.cpus().length} CPUs; gc ${global.gc ? 'exposed' : 'NOT exposed (run with --expose-gc)'}`);

  const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
  for (const format of ['csv', 'xlsx'] as const) {
    results[format] = await measure(`${url}/api/surveys/${surveyId}/responses.${format}${format === 'xlsx' ? '?lang=zh-CN' : ''}`, cookie);
    const r = results[format];
    console.log(
      `${format.padEnd(4)} ${(r.ms / 1000).toFixed(2)} s, ${mb(r.bytes)} MB file, ${Math.round(ROWS / (r.ms / 1000))} rows/s; ` +
        `heap before ${mb(r.before)} MB, peak ${mb(r.peak)} MB (+${mb(r.peak - r.before)} MB), after ${mb(r.after)} MB`,
    );
  }
  console.log(`xlsx/csv time ratio ${(results.xlsx!.ms / results.csv!.ms).toFixed(2)}; xlsx peak heap growth ${((100 * (results.xlsx!.peak - results.xlsx!.before)) / results.xlsx!.bytes).toFixed(0)}% of its file size`);
} finally {
  await platform.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
