import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsResponseSchema } from '@shared/scoring/metrics.schema';
import { httpClient, newTestId, testPlatformEnv, type TestPlatform } from '../harness/platform';
import { startRoundRobinProxy, type RoundRobinProxy } from '../harness/round-robin-proxy';
import { spawnEntry, type EntryProcess } from '../harness/spawn-entry';
import { distributionsApi, seedContacts, sleep, startRejectingMailbox, type RejectingMailbox } from './distributions-fixtures';
import { waitUntil } from './follow-up-fixtures';
import { publishSurvey } from './responses-fixtures';

// The shape production runs: two API processes (`npm run api`) behind a round-robin proxy and two
// worker processes (`npm run worker`), all on one store and one Redis. Nothing here runs in the test
// process but the proxy and the SMTP server.
const RESPOND_RATE_PER_IP = 5;
let env: Record<string, string>;
let dataDir: string;
let mailbox: RejectingMailbox;
let proxy: RoundRobinProxy;
const processes: EntryProcess[] = [];
let request: TestPlatform['request'];
let admin: string;
let survey: { id: string; slug: string; version: number };

async function start(entry: 'server/main.ts' | 'server/worker.ts', ready: RegExp, extra: Record<string, string> = {}): Promise<string> {
  const child = spawnEntry(entry, { ...env, ...extra });
  processes.push(child);
  const [, url] = await child.waitForLine(ready, 120_000);
  return url ?? '';
}

beforeAll(async () => {
  const id = newTestId();
  mailbox = await startRejectingMailbox();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `touchpoint-${id}-`));
  env = { ...testPlatformEnv(id, dataDir, mailbox.url), LOG_LEVEL: 'warn', TRUST_PROXY: '1', RESPOND_RATE_PER_IP: String(RESPOND_RATE_PER_IP) };
  const apis = await Promise.all(
    [0, 1].map(() => start('server/main.ts', /^listening (http:\/\/\S+)$/, { WORKERS: 'false', PORT: '0', HOST: '127.0.0.1' })),
  );
  proxy = await startRoundRobinProxy(apis);
  env.PUBLIC_URL = proxy.url;
  await Promise.all([0, 1].map(() => start('server/worker.ts', /^workers running$/)));
  await mongoose.connect(env.MONGODB_URI!);
  const client = httpClient(proxy.url);
  request = client.request;
  admin = await client.login();
  survey = await publishSurvey({ request } as unknown as TestPlatform, admin);
  expect((await request('/api/touchpoints', { cookie: admin, body: { key: 'branch', name: 'Branch' } })).status).toBe(201);
}, 240_000);

afterAll(async () => {
  for (const child of processes) child.child.kill('SIGTERM');
  await Promise.all(processes.map((child) => child.exited));
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await mongoose.disconnect();
  await proxy?.close();
  await mailbox?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

const submit = (satisfaction: number, clientIp: string) =>
  request(`/api/public/surveys/${survey.slug}/responses`, {
    csrf: false,
    headers: { 'x-forwarded-for': clientIp },
    body: { version: survey.version, submissionId: randomUUID(), answers: { satisfaction }, elapsedMs: 30_000, touchpoint: 'branch', channel: 'online' },
  });

describe('two API processes and two workers on one store and one Redis', () => {
  it('a session made on one API is valid on the other', async () => {
    const before = [...proxy.counts];
    const replies = await Promise.all(Array.from({ length: 6 }, () => request('/api/auth/me', { cookie: admin })));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(proxy.counts.map((count, i) => count - before[i]!)).toEqual([3, 3]);
  });

  it('rate limits are shared: one client gets its quota in total, not per API process', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < RESPOND_RATE_PER_IP * 2; i++) statuses.push((await submit(4, '203.0.113.7')).status);
    // Per-process counting would let all ten through (five on each API).
    expect(statuses.filter((status) => status === 201)).toHaveLength(RESPOND_RATE_PER_IP);
    expect(statuses.filter((status) => status === 429)).toHaveLength(RESPOND_RATE_PER_IP);
  });

  it('every response is folded into the scores exactly once', async () => {
    const scores = Array.from({ length: 40 }, (_, i) => 1 + (i % 5));
    const replies = await Promise.all(scores.map((score, i) => submit(score, `198.51.100.${i + 1}`)));
    expect(replies.every((reply) => reply.status === 201)).toBe(true);
    // The five accepted in the rate-limit test (all 4s) count too.
    const n = scores.length + RESPOND_RATE_PER_IP;
    const mean = (scores.reduce((a, b) => a + b, 0) + 4 * RESPOND_RATE_PER_IP) / n;
    const branch = async () => {
      const reply = await request(`/api/metrics/touchpoints?survey=${survey.id}`, { cookie: admin });
      return metricsResponseSchema.parse(reply.body).touchpoints.find((t) => t.touchpoint === 'branch');
    };
    const folded = await waitUntil(branch, (t) => (t?.n ?? 0) >= n, 30_000);
    await sleep(1_500); // a second fold of the same responses would show by now
    const settled = await branch();
    expect(settled?.n).toBe(n);
    expect(folded?.n).toBe(n);
    expect(settled?.csat?.mean).toBeCloseTo(mean, 6);
  });

  it('a distribution sends each recipient exactly one email, and a recurring schedule fires once per occurrence', async () => {
    const api = distributionsApi(request, admin);
    const contacts = await seedContacts('scale', 40, { segment: 'scale' });
    const once = await api.create({ survey: survey.id, touchpoint: 'branch', reminders: { afterDays: 1, max: 0 }, quarantineDays: 0, audience: { segment: 'scale' }, schedule: { type: 'once' } });
    const mailsTo = (email: string) => mailbox.byRecipient().get(email) ?? [];
    await waitUntil(async () => contacts.filter((c) => mailsTo(c.email).length > 0).length, (count) => count === 40, 60_000);
    await waitUntil(() => api.get(once), (d) => d.counts.sent === 40, 10_000);

    const [ticking] = await seedContacts('tick', 1, { segment: 'tick' });
    const recurring = await api.create({ survey: survey.id, touchpoint: 'branch', reminders: { afterDays: 1, max: 0 }, quarantineDays: 0, audience: { segment: 'tick' }, schedule: { type: 'recurring', cron: '*/2 * * * * *' } });
    await waitUntil(async () => mailsTo(ticking!.email).length, (count) => count >= 3, 30_000);
    await api.act(recurring, 'pause');
    await sleep(2_000); // a firing already running finishes

    for (const contact of contacts) expect(mailsTo(contact.email), contact.email).toHaveLength(1);
    const { occurrences } = await api.get(recurring);
    expect(new Set(occurrences).size).toBe(occurrences.length);
    expect(mailsTo(ticking!.email)).toHaveLength(occurrences.length);
  }, 120_000);
});
