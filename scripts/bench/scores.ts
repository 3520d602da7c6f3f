// Scores benchmark: `node --import tsx scripts/bench/scores.ts [--responses N] [--fold M]` (defaults 1,000,000 and 100,000).
// Stores N responses over 20 touchpoints, 4 channels, 5 segments and the last 365 days in the embedded
// store. The history is counted by `scores:rebuild` (rebuildRollups) and the newest 100k arrive as pending
// and are folded by the fold job's code (throughput of each in responses/s); then it compares
// GET /api/metrics/touchpoints (from the rollups) with the same numbers computed by an aggregate
// pipeline over the raw responses, in the same run. Ratios are what to read on a noisy machine.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient, type Document } from 'mongodb';
import { Types } from 'mongoose';
import { responseMetrics } from '../../shared/responses/response-metrics';
import { metricsResponseSchema } from '../../shared/scoring/metrics.schema';
import type { SurveyDefinition } from '../../shared/survey-definition/definition.schema';
import { seededRandom } from '../../shared/testing/seeded-random';
import { loadConfig } from '../../server/config';
import { startPlatform } from '../../server/platform';
import { ResponseModel } from '../../server/responses/response.model';
import { foldPendingBatch } from '../../server/scores/fold.service';
import { withFoldLock } from '../../server/scores/fold-lock';
import { rebuildRollups } from '../../server/scores/rebuild.service';
import { bumpRollupEpoch } from '../../server/scores/rollup-cache';
import { benchLogin } from './lib/login';
import { RollupModel } from '../../server/scores/rollup.model';
import { createSurvey, publishSurvey } from '../../server/surveys/survey.service';
import { createTouchpoint } from '../../server/touchpoints/touchpoint.service';

const { values: flags } = parseArgs({ options: { responses: { type: 'string', default: '1000000' }, fold: { type: 'string', default: '100000' } } });
const TOTAL = Number(flags.responses);
const TOUCHPOINTS = Array.from({ length: 20 }, (_, i) => `touchpoint-${String(i + 1).padStart(2, '0')}`);
const CHANNELS = ['phone', 'online', 'on-site', 'app'];
const SEGMENTS = ['new', 'regular', 'vip', 'strategic', null];
const KANO = ['like', 'must-be', 'neutral', 'live-with', 'dislike'];
const API_REQUESTS = 40;
/** The newest responses are stored pending and folded incrementally; the rest is history for the rebuild. */
const FOLD_SAMPLE = Math.min(TOTAL, Number(flags.fold));
const DAY_MS = 86_400_000;

const servqual = (dimension: string, side: 'expectation' | 'perception') => ({
  type: 'rating', name: `${side}_${dimension}`, metric: 'servqual', dimension, servqual: side, item: `${dimension}-1`, rateMin: 1, rateMax: 7,
});
const DEFINITION = {
  pages: [
    {
      name: 'visit',
      elements: [
        { type: 'rating', name: 'csat', metric: 'csat', rateMin: 1, rateMax: 5 },
        { type: 'rating', name: 'nps', metric: 'nps', rateMin: 0, rateMax: 10 },
        { type: 'rating', name: 'ces', metric: 'ces', rateMin: 1, rateMax: 7 },
        servqual('reliability', 'expectation'), servqual('reliability', 'perception'),
        servqual('empathy', 'expectation'), servqual('empathy', 'perception'),
        { type: 'radiogroup', name: 'wifi_f', metric: 'kano', feature: 'wifi', kano: 'functional', choices: KANO },
        { type: 'radiogroup', name: 'wifi_d', metric: 'kano', feature: 'wifi', kano: 'dysfunctional', choices: KANO },
      ],
    },
  ],
} as unknown as SurveyDefinition;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [Number(process.hrtime.bigint() - started) / 1e6, result];
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-bench-scores-'));
const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', ADMIN_PASSWORD: 'bench-password-0123' });
const platform = await startPlatform(config, { api: true, workers: false });
try {
  const userId = new Types.ObjectId().toString();
  const { id: surveyId } = await createSurvey({ title: 'Service quality', definition: DEFINITION }, userId);
  const { version } = await publishSurvey(surveyId, userId);
  for (const key of TOUCHPOINTS) await createTouchpoint({ key, name: key });
  console.log(`scores bench: ${TOTAL.toLocaleString('en')} responses, ${TOUCHPOINTS.length} touchpoints, 365 days, ${os.cpus().length} CPUs`);

  // 1. Store the responses in time order, as they would arrive: history already folded, the newest pending.
  const random = seededRandom(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const rating = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const start = Date.now() - 365 * DAY_MS;
  const [insertMs] = await timed(async () => {
    for (let offset = 0; offset < TOTAL; offset += 10_000) {
      const docs = [];
      for (let i = offset; i < Math.min(TOTAL, offset + 10_000); i++) {
        const answers = {
          csat: rating(1, 5), nps: rating(0, 10), ces: rating(1, 7),
          expectation_reliability: rating(4, 7), perception_reliability: rating(2, 7),
          expectation_empathy: rating(4, 7), perception_empathy: rating(2, 7),
          wifi_f: pick(KANO), wifi_d: pick(KANO),
        };
        docs.push({
          surveyId: new Types.ObjectId(surveyId), version, submissionId: `bench-${i}`, answers,
          metrics: responseMetrics(DEFINITION as never, answers), touchpoint: pick(TOUCHPOINTS), channel: pick(CHANNELS), segment: pick(SEGMENTS),
          contactId: null, distributionId: null, tokenId: null, locale: 'en', userAgent: null, flags: [], elapsedMs: 30_000,
          submittedAt: new Date(start + Math.floor((i / TOTAL) * 365 * DAY_MS)), foldState: i < TOTAL - FOLD_SAMPLE ? 'folded' : 'pending', followUp: null,
        });
      }
      await ResponseModel.collection.insertMany(docs, { ordered: false });
    }
  });
  console.log(`stored in ${(insertMs / 1000).toFixed(1)} s`);

  // 2. Rebuild the history's rollups, then fold the newest with the fold job's own code path.
  const [rebuildMs, rebuilt] = await timed(() => rebuildRollups(platform.context.redis, config.QUEUE_PREFIX));
  console.log(`rebuilt ${rebuilt.buckets.toLocaleString('en')} rollups from ${rebuilt.responses.toLocaleString('en')} responses in ${(rebuildMs / 1000).toFixed(1)} s: ${Math.round(rebuilt.responses / (rebuildMs / 1000)).toLocaleString('en')} responses/s`);
  const [foldMs, folded] = await timed(async () => {
    let total = 0;
    for (;;) {
      const n = await withFoldLock(platform.context.redis, config.QUEUE_PREFIX, () => foldPendingBatch(2000));
      if (n === 0) return total;
      total += n;
    }
  });
  const rollups = await RollupModel.estimatedDocumentCount();
  console.log(`folded the newest ${folded.toLocaleString('en')} in ${(foldMs / 1000).toFixed(1)} s: ${Math.round(folded / (foldMs / 1000)).toLocaleString('en')} responses/s into ${rollups.toLocaleString('en')} rollups`);

  // 3. The metrics API over the whole year, with and without a channel filter, and a trend.
  const cookie = await benchLogin(platform.url as string, config.ADMIN_EMAIL, 'bench-password-0123');
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 364 * DAY_MS).toISOString().slice(0, 10);
  const get = async (pathname: string) => {
    const reply = await fetch(`${platform.url}${pathname}`, { headers: { cookie } });
    if (reply.status !== 200) throw new Error(`${pathname}: ${reply.status} ${await reply.text()}`);
    return reply.json() as Promise<unknown>;
  };
  // The first request after a rollup change elsewhere (epoch bump) reads every period from the store ("cold");
  // later ones take closed periods (past days and months) from the process's cache.
  const measure = async (name: string, pathname: string) => {
    await bumpRollupEpoch();
    const [coldMs] = await timed(() => get(pathname));
    const times: number[] = [];
    for (let i = 0; i < API_REQUESTS; i++) times.push((await timed(() => get(pathname)))[0]);
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(44)} cold ${coldMs.toFixed(1).padStart(7)} ms  p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`);
    return { cold: coldMs, p95: percentile(times, 95) };
  };
  console.log('');
  const year = await measure('metrics, 20 touchpoints, one year', `/api/metrics/touchpoints?survey=${surveyId}&from=${from}&to=${to}`);
  await measure('metrics, one year, channel=online', `/api/metrics/touchpoints?survey=${surveyId}&from=${from}&to=${to}&channel=online`);
  await measure('metrics, all time, no range', `/api/metrics/touchpoints?survey=${surveyId}`);
  await measure('trend nps by day, 90 days, one touchpoint', `/api/metrics/trend?survey=${surveyId}&touchpoint=touchpoint-01&metric=nps&interval=day`);
  await measure('trend index by month, one year', `/api/metrics/trend?survey=${surveyId}&metric=index&interval=month&from=${from}&to=${to}`);

  // 4. Baseline: the same per-touchpoint numbers by an aggregate pipeline over the raw responses.
  const pipeline: Document[] = [
    { $match: { surveyId: new Types.ObjectId(surveyId), submittedAt: { $gte: new Date(`${from}T00:00:00Z`), $lt: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) } } },
    {
      $group: {
        _id: '$touchpoint',
        n: { $sum: 1 },
        csatN: { $sum: { $cond: [{ $ne: [{ $type: '$metrics.csat' }, 'missing'] }, 1, 0] } },
        csatSum: { $sum: '$metrics.csat' },
        satisfied: { $sum: { $cond: [{ $gte: ['$metrics.csat', 4] }, 1, 0] } },
        promoters: { $sum: { $cond: [{ $gte: ['$metrics.nps', 9] }, 1, 0] } },
        detractors: { $sum: { $cond: [{ $lte: ['$metrics.nps', 6] }, 1, 0] } },
        cesSum: { $sum: '$metrics.ces' },
        gapSum: { $sum: '$metrics.servqualGap' },
      },
    },
    { $sort: { _id: 1 as const } },
  ];
  // Fetched first: the store is single-threaded, and while it runs the aggregate over N raw responses
  // (tens of seconds at 1M) the platform's own driver connection would time out its heartbeats.
  const api = metricsResponseSchema.parse(await get(`/api/metrics/touchpoints?survey=${surveyId}&from=${from}&to=${to}`));
  const baselineClient = new MongoClient(platform.context.services.mongoUri, {
    connectTimeoutMS: 600_000, socketTimeoutMS: 0, serverSelectionTimeoutMS: 600_000, heartbeatFrequencyMS: 600_000,
  });
  const rawResponses = baselineClient.db(ResponseModel.db.name).collection(ResponseModel.collection.collectionName);
  const baselineTimes: number[] = [];
  let baseline: { _id: string; n: number; promoters: number; detractors: number; csatSum: number; csatN: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const [ms, rows] = await timed(() => rawResponses.aggregate<(typeof baseline)[number]>(pipeline, { allowDiskUse: true }).toArray());
    baselineTimes.push(ms);
    baseline = rows;
  }
  baselineTimes.sort((a, b) => a - b);
  const baselineMedian = percentile(baselineTimes, 50);
  console.log(`${'aggregate pipeline over raw responses'.padEnd(44)} p50 ${baselineMedian.toFixed(1).padStart(7)} ms  (3 runs)`);

  // The two must agree before their speeds are compared.
  await baselineClient.close();
  for (const row of baseline) {
    const scores = api.touchpoints.find((t) => t.touchpoint === row._id);
    const nps = (100 * (row.promoters - row.detractors)) / row.n;
    if (!scores || scores.n !== row.n || Math.abs((scores.nps?.score ?? NaN) - nps) > 1e-9 || Math.abs((scores.csat?.mean ?? NaN) - row.csatSum / row.csatN) > 1e-9) {
      throw new Error(`metrics API and aggregate disagree on ${row._id}: ${JSON.stringify({ api: scores?.nps, row })}`);
    }
  }
  console.log(`\nAPI and aggregate agree on n, NPS and CSAT mean for all ${baseline.length} touchpoints`);
  console.log(`ratio aggregate p50 / metrics API p95: ${(baselineMedian / year.p95).toFixed(0)}x (goal >= 100x); metrics API p95 ${year.p95.toFixed(1)} ms (goal <= 50 ms)`);
  console.log(`ratio aggregate p50 / metrics API cold request: ${(baselineMedian / year.cold).toFixed(0)}x`);
} finally {
  await platform.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}

