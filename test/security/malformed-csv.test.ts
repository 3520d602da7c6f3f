import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '@shared/http/problem.schema';
import { httpClient, newTestId, testPlatformEnv, type TestPlatform } from '../harness/platform';
import { startTestMailbox, type TestMailbox } from '../harness/smtp';
import { spawnEntry, type EntryProcess } from '../harness/spawn-entry';

// Issue 13, low: a quote in the middle of a field (INVALID_OPENING_QUOTE, a parser code without the
// CSV_ prefix) gave 500, and the 500 was logged with the parser's message, which quotes the field.
// The API runs as its own process so the test reads the log lines an operator would see.
const SECRET = 'Zelda-Private-7731';
let api: EntryProcess;
let mailbox: TestMailbox;
let dataDir: string;
let request: TestPlatform['request'];
let admin: string;

beforeAll(async () => {
  const id = newTestId();
  mailbox = await startTestMailbox();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `touchpoint-${id}-`));
  api = spawnEntry('server/main.ts', { ...testPlatformEnv(id, dataDir, mailbox.url), LOG_LEVEL: 'debug', WORKERS: 'false', PORT: '0', HOST: '127.0.0.1' });
  const [, url] = await api.waitForLine(/^listening (http:\/\/\S+)$/, 120_000);
  ({ request } = httpClient(url!));
  admin = await httpClient(url!).login();
}, 180_000);

afterAll(async () => {
  api?.child.kill('SIGTERM');
  await api?.exited;
  await mailbox?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

const importCsv = (lines: string[]) =>
  request('/api/contacts', { method: 'POST', cookie: admin, rawBody: lines.join('\n'), contentType: 'text/csv', headers: { 'x-request-id': `csv-${newTestId()}` } });

/** Waits for the request log line of `requestId`, so everything that request logged has been written. */
const requestLogged = (requestId: string) => api.waitForLine(new RegExp(`"reqId":"${requestId}".*"msg":"request"`), 10_000);

describe('malformed CSV on contact import', () => {
  const cases = [
    { code: 'INVALID_OPENING_QUOTE', row: `zelda@example.test,${SECRET}"x` },
    { code: 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE', row: `zelda@example.test,"Zelda" ${SECRET}` },
  ];
  for (const { code, row } of cases) {
    it(`answers ${code} with 400 naming the line, and neither answer nor log quotes the row`, async () => {
      const reply = await importCsv(['email,name', 'amy@example.test,Amy', 'bob@example.test,Bob', row, 'cy@example.test,Cy']);
      const requestId = reply.headers.get('x-request-id')!;
      expect(reply.status, reply.text).toBe(400);
      expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const problem = reply.body as Problem;
      expect(problem.invalid_params).toEqual([{ name: 'body', reason: code }]);
      expect(problem.detail).toMatch(/malformed at line 4:/);
      expect(reply.text).not.toContain(SECRET);

      await requestLogged(requestId);
      const logged = api.output.filter((line) => line.includes(requestId));
      expect(logged.some((line) => line.includes('"status":400'))).toBe(true);
      expect(api.output.join('\n')).not.toContain(SECRET);
    });
  }
});
