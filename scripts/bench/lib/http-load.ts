import { Worker } from 'node:worker_threads';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
}

export interface LoadOptions {
  url: string;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  /** JavaScript source of `(i) => object`: the JSON body of request i, run inside the load worker. */
  bodySource: string;
}

/*
 * The load generator runs in its own thread with its own event loop, so it does not queue behind the
 * server it measures. Keep-alive sockets, one per client, each sending its next request when the last
 * one is answered: a closed loop of `concurrency` clients, as autocannon does.
 */
const WORKER_SOURCE = `
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { parentPort, workerData } = require('node:worker_threads');
const { url, concurrency, durationMs, warmupMs, bodySource } = workerData;
const makeBody = eval(bodySource);
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
let counter = 0;
function send() {
  const body = JSON.stringify(makeBody(counter++, randomUUID));
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.request({ agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on('error', () => resolve({ status: 'error', ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.end(body);
  });
}
(async () => {
  const start = Date.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  const latencies = [];
  const statuses = {};
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) {
      const sentAt = Date.now();
      const { status, ms } = await send();
      if (sentAt < measureFrom) continue;
      latencies.push(ms);
      statuses[status] = (statuses[status] || 0) + 1;
    }
  }));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] || 0;
  parentPort.postMessage({ requests: latencies.length, perSecond: latencies.length / (durationMs / 1000), p50: at(0.5), p99: at(0.99), statuses });
})();
`;

/** Runs one closed-loop load test against `url` and reports throughput and latency percentiles (ms). */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: options });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
