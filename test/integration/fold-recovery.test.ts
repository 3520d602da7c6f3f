import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { startPlatform, type Platform } from '../../server/platform';
import { ResponseModel } from '../../server/responses/response.model';
import { FOLD_LEASE_MS, withFoldLock } from '../../server/scores/fold-lock';
import { foldPendingBatch } from '../../server/scores/fold.service';
import { httpClient, newTestId, testPlatformEnv, type TestPlatform } from '../harness/platform';
import { startTestMailbox, type TestMailbox } from '../harness/smtp';
import { publishSurvey, validSubmission } from './responses-fixtures';

// The API runs here without workers, so nothing folds but the test.
let platform: Platform;
let mailbox: TestMailbox;
let dataDir: string;
let request: TestPlatform['request'];
let prefix: string;

beforeAll(async () => {
  const id = newTestId();
  mailbox = await startTestMailbox();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `touchpoint-${id}-`));
  const config = loadConfig({ ...testPlatformEnv(id, dataDir, mailbox.url), PORT: '0', HOST: '127.0.0.1' });
  prefix = config.QUEUE_PREFIX;
  platform = await startPlatform(config, { api: true, workers: false });
  request = httpClient(platform.url!).request;
});
afterAll(async () => {
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await platform?.stop();
  await mailbox?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

it("a fold whose worker died mid-transaction does not hold up the next fold for the abandoned transaction's lifetime", async () => {
  const admin = await httpClient(platform.url!).login();
  const survey = await publishSurvey({ request } as unknown as TestPlatform, admin);
  const reply = await request(`/api/public/surveys/${survey.slug}/responses`, { csrf: false, body: validSubmission(survey.version, { submissionId: randomUUID() }) });
  expect(reply.status).toBe(201);
  const responseId = (reply.body as { id: string }).id;

  // The dead worker: its fold transaction flipped the response and was never committed or aborted,
  // and it had recorded its session beside the lock, as a fold does.
  const dead = await mongoose.startSession();
  dead.startTransaction();
  await ResponseModel.updateOne({ _id: responseId }, { $set: { foldState: 'folded' } }, { session: dead });
  const lsid = dead.id!.id;
  await platform.context.redis.set(`${prefix}:scores:rollup-lock:session`, Buffer.from(lsid.buffer).toString('base64'));

  // The next fold, as the fold job runs it. Without ending the abandoned session it would meet a
  // WriteConflict on every try for 60 s (MongoDB's transaction lifetime), past this test's timeout.
  const session = await mongoose.startSession();
  const started = Date.now();
  const folded = await withFoldLock(platform.context.redis, prefix, () => foldPendingBatch(500, session), FOLD_LEASE_MS + 1_000, session);
  await session.endSession();
  expect(folded).toBe(1);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(await ResponseModel.findById(responseId, { foldState: 1 }).lean()).toMatchObject({ foldState: 'folded' });
  // The abandoned transaction was aborted, not left to commit over the fold.
  await expect(dead.commitTransaction()).rejects.toThrow();
  await dead.endSession().catch(() => undefined);
  expect(await platform.context.redis.get(`${prefix}:scores:rollup-lock:session`)).toBeNull();
}, 25_000);
