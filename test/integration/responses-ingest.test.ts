import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestResponseReplySchema, responseImportReportSchema, type ResponseImportReport } from '@shared/responses/response-ingest.schema';
import { metricsResponseSchema } from '@shared/scoring/metrics.schema';
import { seededRandom } from '@shared/testing/seeded-random';
import { ResponseModel } from '../../server/responses/response.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { integrationToken, publishSurvey, type Problem } from './responses-fixtures';

let tp: TestPlatform;
let admin: string;
let token: string;
let survey: { id: string; slug: string; version: number };

beforeAll(async () => {
  tp = await startTestPlatform();
  admin = await tp.login();
  survey = await publishSurvey(tp, admin);
  for (const key of ['call-centre', 'ivr', 'archive', 'csv-desk']) {
    expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key, name: key } })).status).toBe(201);
  }
  token = await integrationToken(tp, admin, 'ivr@example.test');
}, 60_000);

afterAll(async () => {
  await tp?.stop();
});

const ingest = (body: unknown) => tp.request('/api/responses', { token, body, csrf: false });
const callBody = (overrides: Record<string, unknown> = {}) => ({
  survey: survey.id,
  answers: { satisfaction: 4, recommend: 9 },
  touchpoint: 'call-centre',
  channel: 'phone',
  externalId: `call-${randomUUID()}`,
  ...overrides,
});
const importFile = (text: string, contentType: string) =>
  tp.request('/api/responses/import', { method: 'POST', token, rawBody: text, contentType, csrf: false });

async function touchpointScores(touchpoint: string, from: string, to: string) {
  const reply = await tp.request(`/api/metrics/touchpoints?survey=${survey.id}&from=${from}&to=${to}`, { cookie: admin });
  expect(reply.status, reply.text).toBe(200);
  return metricsResponseSchema.parse(reply.body).touchpoints.find((scores) => scores.touchpoint === touchpoint);
}

/** Polls the metrics API until `touchpoint` counts `n` responses in the range. */
async function whenCounted(touchpoint: string, from: string, to: string, n: number, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const scores = await touchpointScores(touchpoint, from, to);
    if (scores?.n === n) return scores;
    if (Date.now() > deadline) throw new Error(`${touchpoint} counts ${scores?.n ?? 0} responses, expected ${n}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('integration accounts', () => {
  it('get their tokens from an admin, who issues tokens only to such accounts', async () => {
    const users = (await tp.request('/api/users', { cookie: admin })).body as { users: { id: string; role: string }[] };
    const person = users.users.find((user) => user.role === 'admin')!;
    const refused = await tp.request(`/api/users/${person.id}/tokens`, { cookie: admin, body: { name: 'impersonation' } });
    expect(refused.status).toBe(409);
  });
});

describe('POST /api/responses', () => {
  it('stores a response with the latest version recorded, and a repeated externalId returns the first (200)', async () => {
    const body = callBody();
    const first = await ingest(body);
    expect(first.status, first.text).toBe(201);
    const stored = ingestResponseReplySchema.parse(first.body);
    expect(stored.version).toBe(survey.version);
    const again = await ingest(body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(stored);
    const docs = await ResponseModel.find({ externalId: body.externalId }).lean();
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ version: survey.version, touchpoint: 'call-centre', channel: 'phone', flags: [], answers: { satisfaction: 4, recommend: 9 } });
  });

  it('stores two parallel sends of one externalId once', async () => {
    const body = callBody();
    const replies = await Promise.all([ingest(body), ingest(body), ingest(body)]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(replies.map((reply) => (reply.body as { id: string }).id)).size).toBe(1);
    expect(await ResponseModel.countDocuments({ externalId: body.externalId })).toBe(1);
  });

  it('keys externalId per survey: the same id in another survey is another response', async () => {
    const other = await publishSurvey(tp, admin);
    const body = callBody();
    const here = await ingest(body);
    const there = await ingest({ ...body, survey: other.id });
    expect([here.status, there.status]).toEqual([201, 201]);
    expect((here.body as { id: string }).id).not.toBe((there.body as { id: string }).id);
  });

  it('checks answers, touchpoint, channel and version exactly as the public page does', async () => {
    const reply = await ingest(callBody({ answers: { recommend: 11 }, touchpoint: 'nowhere', channel: 'pigeon' }));
    expect(reply.status).toBe(400);
    const names = (reply.body as Problem).invalid_params!.map((param) => param.name).sort();
    expect(names).toEqual(['body.answers.recommend', 'body.answers.satisfaction', 'body.channel', 'body.touchpoint']);
    const version = await ingest(callBody({ version: survey.version + 5 }));
    expect((version.body as Problem).invalid_params).toEqual([expect.objectContaining({ name: 'body.version' })]);
  });

  it('refuses implausible times, unknown contacts, unknown fields and closed surveys', async () => {
    const future = await ingest(callBody({ submittedAt: new Date(Date.now() + 3_600_000).toISOString() }));
    expect(future.status).toBe(400);
    expect((future.body as Problem).invalid_params).toEqual([{ name: 'body.submittedAt', reason: 'must not be in the future' }]);
    expect((await ingest(callBody({ submittedAt: '1999-12-31T10:00:00Z' }))).status).toBe(400);
    expect((await ingest(callBody({ contact: { email: 'nobody@example.test' } }))).status).toBe(400);
    expect((await ingest(callBody({ contactId: '0123456789abcdef01234567' }))).status).toBe(400);
    expect((await ingest(callBody({ submissionId: randomUUID() }))).status).toBe(400);
    expect((await ingest(callBody({ survey: '0123456789abcdef01234567' }))).status).toBe(404);
    const stored = await ResponseModel.countDocuments({ touchpoint: 'call-centre', submittedAt: { $lt: new Date('2000-01-01') } });
    expect(stored).toBe(0);
  });

  it('links a known contact by email, with its segment', async () => {
    const imported = await tp.request('/api/contacts', { cookie: admin, body: [{ email: 'ann@example.test', segment: 'vip' }] });
    expect(imported.status, imported.text).toBe(200);
    const body = callBody({ contact: { email: 'Ann@Example.test' } });
    expect((await ingest(body)).status).toBe(201);
    const doc = await ResponseModel.findOne({ externalId: body.externalId }).lean();
    expect(doc?.contactId).not.toBeNull();
    expect(doc?.segment).toBe('vip');
  });

  it('folds a historical answer into the day it was given', async () => {
    expect((await ingest(callBody({ touchpoint: 'archive', submittedAt: '2025-03-14T23:30:00-01:00', answers: { satisfaction: 2, recommend: 3 } }))).status).toBe(201);
    // 23:30 at UTC-1 is 00:30 UTC on the 15th.
    const day = await whenCounted('archive', '2025-03-15', '2025-03-15', 1, 10_000);
    expect(day.nps).toMatchObject({ n: 1, detractors: 1 });
    expect(await touchpointScores('archive', '2025-03-14', '2025-03-14')).toBeUndefined();
  });
});

describe('POST /api/responses/import', () => {
  it('reads CSV cells by question type and reports each refused line', async () => {
    const csv = [
      'survey,externalId,touchpoint,channel,submittedAt,satisfaction,recommend,services,returning,remarks',
      `${survey.id},csv-1,csv-desk,on-site,2025-06-02T10:00:00Z,5,10,counter; atm,true,123`,
      `${survey.id},csv-2,csv-desk,on-site,2025-06-02T11:00:00Z,9,10,,,`,
      `${survey.id},csv-3,csv-desk,on-site,2025-06-02T12:00:00Z,4`,
      `${survey.id},csv-1,csv-desk,on-site,2025-06-02T10:00:00Z,5,10,counter; atm,true,123`,
    ].join('\n');
    const reply = await importFile(csv, 'text/csv');
    expect(reply.status, reply.text).toBe(200);
    expect(responseImportReportSchema.parse(reply.body)).toEqual({
      created: 1,
      duplicates: 1,
      rejectedCount: 2,
      total: 4,
      rejected: [
        { line: 3, externalId: 'csv-2', reasons: [expect.stringMatching(/^answers\.satisfaction: /)] },
        { line: 4, externalId: 'csv-3', reasons: ['row: has 6 fields, the header has 10'] },
      ],
    });
    const doc = await ResponseModel.findOne({ externalId: 'csv-1' }).lean();
    expect(doc?.answers).toEqual({ satisfaction: 5, recommend: 10, services: ['counter', 'atm'], returning: true, remarks: '123' });
  });

  it('refuses other media types and non-integration roles', async () => {
    expect((await importFile('{}', 'application/json')).status).toBe(415);
    expect((await importFile('x', 'text/csv; charset=latin1')).status).toBe(415);
    expect((await importFile('survey,externalId\n', 'text/csv')).status).toBe(400);
    const analyst = await tp.request('/api/users', { cookie: admin, body: { email: 'analyst@example.test', name: 'A', role: 'analyst', password: 'long-enough-password' } });
    expect(analyst.status).toBe(201);
    const cookie = await tp.login('analyst@example.test', 'long-enough-password');
    expect((await tp.request('/api/responses/import', { method: 'POST', cookie, rawBody: '{}', contentType: 'application/x-ndjson' })).status).toBe(403);
    expect((await tp.request('/api/responses', { cookie, body: callBody() })).status).toBe(403);
  });

  it('imports 10,000 NDJSON rows in batches: refused lines reported with reasons, the rest counted in each day', { timeout: 240_000 }, async () => {
    const random = seededRandom(16);
    const lines: string[] = [];
    const expectedRejected: { line: number; reason: RegExp }[] = [];
    const counted = { n: 0, promoters: 0, passives: 0, detractors: 0, csatSum: 0 };
    const dayTen = { n: 0, detractors: 0 };
    for (let index = 0; index < 10_000; index++) {
      const line = index + 1;
      const day = 1 + (index % 28);
      const recommend = Math.floor(random() * 11);
      const satisfaction = 1 + Math.floor(random() * 5);
      const row = {
        survey: survey.id,
        answers: { satisfaction, recommend },
        touchpoint: 'ivr',
        channel: 'phone',
        externalId: `ivr-${index}`,
        submittedAt: `2025-02-${String(day).padStart(2, '0')}T09:00:00Z`,
      };
      if (index % 97 === 5) {
        lines.push(JSON.stringify({ ...row, answers: { satisfaction: 9, recommend } }));
        expectedRejected.push({ line, reason: /^answers\.satisfaction: / });
      } else if (index % 211 === 7) {
        lines.push(JSON.stringify({ ...row, submittedAt: '2199-01-01T00:00:00Z' }));
        expectedRejected.push({ line, reason: /^submittedAt: must be between/ });
      } else if (index % 401 === 11) {
        lines.push(JSON.stringify(row).slice(0, 40));
        expectedRejected.push({ line, reason: /^row: is not valid JSON$/ });
      } else if (index % 499 === 13) {
        lines.push(JSON.stringify({ ...row, channel: 'pigeon' }));
        expectedRejected.push({ line, reason: /^channel: there is no channel "pigeon"$/ });
      } else {
        lines.push(JSON.stringify(row));
        counted.n += 1;
        counted.csatSum += satisfaction;
        if (recommend >= 9) counted.promoters += 1;
        else if (recommend >= 7) counted.passives += 1;
        else counted.detractors += 1;
        if (day === 10) {
          dayTen.n += 1;
          if (recommend <= 6) dayTen.detractors += 1;
        }
      }
    }
    const ndjson = lines.join('\n') + '\n';

    const reply = await importFile(ndjson, 'application/x-ndjson');
    expect(reply.status, reply.text.slice(0, 500)).toBe(200);
    const report: ResponseImportReport = responseImportReportSchema.parse(reply.body);
    expect(report).toMatchObject({ total: 10_000, created: counted.n, duplicates: 0, rejectedCount: expectedRejected.length });
    expect(report.rejected.map((row) => row.line)).toEqual(expectedRejected.map((row) => row.line));
    for (const [index, row] of report.rejected.entries()) expect(row.reasons.join(' | ')).toMatch(expectedRejected[index]!.reason);

    const month = await whenCounted('ivr', '2025-02-01', '2025-02-28', counted.n, 120_000);
    expect(month.nps).toMatchObject({ n: counted.n, promoters: counted.promoters, passives: counted.passives, detractors: counted.detractors });
    expect(month.nps?.score).toBeCloseTo((100 * (counted.promoters - counted.detractors)) / counted.n, 6);
    expect(month.csat?.mean).toBeCloseTo(counted.csatSum / counted.n, 6);
    expect((await touchpointScores('ivr', '2025-02-10', '2025-02-10'))?.nps).toMatchObject({ n: dayTen.n, detractors: dayTen.detractors });

    // The same file again stores nothing and leaves the scores as they were.
    const again = responseImportReportSchema.parse((await importFile(ndjson, 'application/x-ndjson')).body);
    expect(again).toMatchObject({ created: 0, duplicates: counted.n, rejectedCount: expectedRejected.length });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await touchpointScores('ivr', '2025-02-01', '2025-02-28'))?.n).toBe(counted.n);
  });
});
