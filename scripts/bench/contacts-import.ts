// Contact import benchmark: `node --expose-gc --import tsx scripts/bench/contacts-import.ts [--rows 100000]`.
// Streams a generated CSV of customers to POST /api/contacts on the whole platform (embedded store and
// redis-server, as `npm start` runs it), twice: the first run creates every contact, the second updates them.
// Prints rows/s and how far this process's resident memory rose above where it started; the CSV is
// generated while it is sent, so the figure is the server's import path, not a file held in memory.
// (The embedded store runs in its own process and keeps every document in memory; its growth is not counted.)
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CSRF_HEADER } from '../../shared/auth/auth.schema';
import type { ImportReport } from '../../shared/contacts/contact.schema';
import { loadConfig } from '../../server/config';
import { startPlatform } from '../../server/platform';
import { benchLogin } from './lib/login';

const { values: flags } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const ROWS = Number(flags.rows);
const SEGMENTS = ['new', 'regular', 'vip', 'strategic'];
const PASSWORD = 'bench-password-0123';

/** The CSV, produced chunk by chunk as the request body pulls it. */
function csvStream(rows: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode('email,name,phone,segment,locale,customer_id,branch,plan\n'));
    },
    pull(controller) {
      if (next >= rows) return controller.close();
      const lines: string[] = [];
      for (const end = Math.min(rows, next + 500); next < end; next += 1) {
        const i = next;
        lines.push(`customer${i}@bench.example.test,Customer ${i},+1 555 ${String(i).padStart(7, '0')},${SEGMENTS[i % 4]},${i % 3 ? 'en' : 'zh-CN'},C-${i},Branch ${i % 40},${i % 5 ? 'basic' : 'premium'}\n`);
      }
      controller.enqueue(encoder.encode(lines.join('')));
    },
  });
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'touchpoint-bench-contacts-'));
const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ADMIN_PASSWORD: PASSWORD });
const platform = await startPlatform(config, { api: true, workers: false });
try {
  const cookie = await benchLogin(platform.url as string, config.ADMIN_EMAIL, PASSWORD);

  global.gc?.();
  const heapMb = () => (process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1);
  console.log(`contacts import bench: ${ROWS} CSV rows per run, ${os.cpus().length} CPUs; heap in use at start ${heapMb()} MB`);
  for (const run of ['create', 'update']) {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const reply = await fetch(`${platform.url}/api/contacts`, {
      method: 'POST',
      headers: { cookie, [CSRF_HEADER]: '1', 'content-type': 'text/csv' },
      body: csvStream(ROWS),
      duplex: 'half',
    } as RequestInit);
    const report = (await reply.json()) as ImportReport;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (reply.status !== 200) throw new Error(`import failed: ${reply.status} ${JSON.stringify(report)}`);
    console.log(
      `  ${run}: ${seconds.toFixed(1)} s, ${Math.round(ROWS / seconds)} rows/s, created ${report.created}, updated ${report.updated}, ` +
        `rejected ${report.rejectedCount}; peak RSS growth ${((peak - baseline) / 1024 / 1024).toFixed(1)} MB`,
    );
    global.gc?.();
    console.log(`    heap in use after the import: ${heapMb()} MB`);
  }
} finally {
  await platform.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
