import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertListSchema } from '@shared/scoring/alerts.schema';
import { touchpointSchema } from '@shared/touchpoints/touchpoint.schema';
import { loadConfig } from '../../server/config';
import { startPlatform, type Platform } from '../../server/platform';
import { AlertModel, AlertStateModel } from '../../server/scores/alert.model';
import { renameLegacyAlertMetrics } from '../../server/scores/alert-keys.migration';
import { TouchpointModel } from '../../server/touchpoints/touchpoint.model';
import { renameLegacyTargetKeys } from '../../server/touchpoints/target-keys.migration';
import { httpClient, newTestId, testPlatformEnv } from '../harness/platform';
import { startTestMailbox, type TestMailbox } from '../harness/smtp';

// Documents as a release before the one metric spelling stored them, read back after a restart.
let platform: Platform;
let mailbox: TestMailbox;
let dataDir: string;

beforeAll(async () => {
  const id = newTestId();
  mailbox = await startTestMailbox();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `touchpoint-${id}-`));
  const config = loadConfig({ ...testPlatformEnv(id, dataDir, mailbox.url), PORT: '0', HOST: '127.0.0.1' });
  const before = await startPlatform(config, { api: true, workers: false });
  const now = new Date();
  await TouchpointModel.collection.insertOne({
    key: 'legacy', name: 'Legacy', owners: [], createdAt: now, updatedAt: now,
    target: { nps: 20, csatMean: 4.1, csatSatisfiedPct: 80, servqualGap: -0.5, minN: 10 },
  });
  await AlertModel.collection.insertOne({ touchpoint: 'legacy', window: 7, metric: 'csatSatisfiedPct', kind: 'breach', value: 70, target: 80, n: 40, at: now, notifiedAt: now });
  await AlertStateModel.collection.insertOne({ touchpoint: 'legacy', window: 7, metric: 'csatSatisfiedPct', state: 'breach', since: now });
  await before.stop();
  platform = await startPlatform(config, { api: true, workers: false });
});

afterAll(async () => {
  await TouchpointModel.db.dropDatabase().catch(() => undefined);
  await platform.stop();
  await mailbox.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('metric keys stored under their former names', () => {
  it('reads an old touchpoint target and alert under the one spelling after start-up', async () => {
    const { request, login } = httpClient(platform.url!);
    const cookie = await login();
    const touchpoint = touchpointSchema.parse((await request('/api/touchpoints/legacy', { cookie })).body);
    expect(touchpoint.target).toEqual({ nps: 20, csat: 4.1, 'csat-satisfied': 80, 'servqual-gap': -0.5, minN: 10 });
    const alerts = alertListSchema.parse((await request('/api/metrics/alerts?touchpoint=legacy', { cookie })).body).alerts;
    expect(alerts.map((alert) => alert.metric)).toEqual(['csat-satisfied']);
    expect((await AlertStateModel.findOne({ touchpoint: 'legacy' }).lean())?.metric).toBe('csat-satisfied');
  });

  it('finds nothing left to rename on a second run', async () => {
    expect(await renameLegacyTargetKeys()).toBe(0);
    expect(await renameLegacyAlertMetrics()).toBe(0);
  });

  it('refuses a target under a former key with a 400 that names the new key', async () => {
    const { request, login } = httpClient(platform.url!);
    const reply = await request('/api/touchpoints', { cookie: await login(), body: { key: 'old-client', name: 'Old client', target: { servqualGap: 0 } } });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(reply.text).toContain('target \\"servqualGap\\" is now \\"servqual-gap\\"');
  });
});
