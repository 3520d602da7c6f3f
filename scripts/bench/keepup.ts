// Keep-up bench: `npm run bench:keepup [-- --seconds 60 --clients 50]`. Do the scores keep up with
// ingest? The platform in its production shape (store, redis-server, API and worker processes) and,
// in one run:
//   1. ingest alone: the worker stopped, clients post responses over HTTP at full speed (responses/s);
//   2. fold alone: the worker started on that backlog, folding it until none is pending (responses/s);
//   3. both: ingest at full speed with the worker running, the backlog sampled every second, and the
//      seconds from the last acknowledged response until every response is in the scores.
// The fold/ingest ratio is what to read (goal >= 1.5), and the lag after the last response (goal <= 5 s).
// `--soak S` adds a phase of S seconds of ingest with the worker running, printing the resident memory
// of the API, worker and store processes every tenth of it: the API and worker should stay flat; the
// store keeps every document in memory, so it grows with the data (printed per response stored).
import os from 'node:os';
import { parseArgs } from 'node:util';
import { ResponseModel } from '../../server/responses/response.model';
import { runLoad } from './lib/http-load';
import { publishBenchSurvey, residentMiB, sleep, startProcessPlatform } from './lib/process-platform';

const { values: flags } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, clients: { type: 'string', default: '50' }, soak: { type: 'string', default: '0' } } });
const SOAK_SECONDS = Number(flags.soak);
const SECONDS = Number(flags.seconds);
const CLIENTS = Number(flags.clients);
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
const pending = () => ResponseModel.countDocuments({ foldState: 'pending' });

const platform = await startProcessPlatform();
try {
  const survey = await publishBenchSurvey(platform);
  const worker = platform.processes.get('worker')!;
  console.log(`keep-up bench: ${SECONDS} s per phase, ${CLIENTS} clients, ${os.cpus().length} CPUs, load ${load()}`);

  // 1. Ingest alone.
  await worker.stop();
  const ingestAlone = await runLoad({ url: survey.submitUrl, concurrency: CLIENTS, durationMs: SECONDS * 1000, warmupMs: 0, bodySource: survey.bodySource });
  const backlog = await pending();
  console.log(`  ingest alone: ${ingestAlone.perSecond.toFixed(0)} responses/s (${JSON.stringify(ingestAlone.statuses)}), ${backlog} pending`);

  // 2. Fold alone, from the moment the worker is up.
  await worker.start();
  const foldStarted = Date.now();
  while ((await pending()) > 0) await sleep(100);
  const foldSeconds = (Date.now() - foldStarted) / 1000;
  const foldAlone = backlog / foldSeconds;
  console.log(`  fold alone: ${backlog} responses in ${foldSeconds.toFixed(1)} s = ${foldAlone.toFixed(0)} responses/s`);

  // 3. Both at once.
  const samples: number[] = [];
  const sampler = setInterval(() => void pending().then((n) => samples.push(n)), 1000);
  const both = await runLoad({ url: survey.submitUrl, concurrency: CLIENTS, durationMs: SECONDS * 1000, warmupMs: 0, bodySource: survey.bodySource });
  const lastAck = Date.now();
  while ((await pending()) > 0) await sleep(50);
  const lag = (Date.now() - lastAck) / 1000;
  clearInterval(sampler);
  console.log(`  both: ingest ${both.perSecond.toFixed(0)} responses/s, backlog sampled each second: max ${Math.max(...samples)}, last ${samples.at(-1)}`);

  if (SOAK_SECONDS > 0) {
    const memory = async () => {
      const rss = (name: 'api' | 'worker' | 'store') => residentMiB(platform.processes.get(name)?.pid());
      return { api: await rss('api'), worker: await rss('worker'), store: await rss('store'), responses: await ResponseModel.estimatedDocumentCount() };
    };
    const format = (m: Awaited<ReturnType<typeof memory>>) =>
      `API ${m.api.toFixed(0)} MiB, worker ${m.worker.toFixed(0)} MiB, store ${m.store.toFixed(0)} MiB, ${m.responses} responses`;
    const first = await memory();
    console.log(`  soak start: ${format(first)}`);
    const ticker = setInterval(() => void memory().then((m) => console.log(`  soak: ${format(m)}`)), (SOAK_SECONDS * 1000) / 10);
    const soak = await runLoad({ url: survey.submitUrl, concurrency: CLIENTS, durationMs: SOAK_SECONDS * 1000, warmupMs: 0, bodySource: survey.bodySource });
    clearInterval(ticker);
    while ((await pending()) > 0) await sleep(100);
    const last = await memory();
    console.log(`  soak end (${soak.perSecond.toFixed(0)} responses/s): ${format(last)}`);
    const perResponse = ((last.store - first.store) * 1024 * 1024) / Math.max(1, last.responses - first.responses);
    console.log(`  soak: API ${(last.api - first.api).toFixed(0)} MiB, worker ${(last.worker - first.worker).toFixed(0)} MiB, store ${perResponse.toFixed(0)} bytes per response stored`);
  }

  console.log('');
  console.log(`fold/ingest (each alone, same run): ${(foldAlone / ingestAlone.perSecond).toFixed(2)} (goal >= 1.5)`);
  console.log(`every response in the scores ${lag.toFixed(2)} s after the last was acknowledged (goal <= 5 s); load ${load()}`);
} finally {
  await platform.stop();
}
