import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseModel } from '../../server/responses/response.model';
import { issueResponseToken } from '../../server/responses/response-token.service';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey, validSubmission } from './responses-fixtures';

let tp: TestPlatform;
let admin: string;
let analyst: string;
let survey: { id: string; slug: string; version: number };
const ids: Record<string, string> = {};

const HEADER = ['id', 'submittedAt', 'version', 'touchpoint', 'channel', 'segment', 'locale', 'csat', 'nps', 'ces', 'servqualGap'];
const QUESTIONS = ['satisfaction', 'recommend', 'reason', 'services', 'returning', 'visits', 'remarks'];

async function submit(name: string, overrides: Record<string, unknown>) {
  const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body: validSubmission(survey.version, overrides), csrf: false });
  expect(reply.status).toBe(201);
  ids[name] = (reply.body as { id: string }).id;
  // Distinct submission times keep the expected order unambiguous.
  await new Promise((resolve) => setTimeout(resolve, 5));
}

beforeAll(async () => {
  tp = await startTestPlatform({ RESPOND_RATE_PER_IP: '100000' });
  admin = await tp.login();
  const analystUser = { email: 'analyst@example.test', name: 'Ana', role: 'analyst', password: 'long-enough-password' };
  expect((await tp.request('/api/users', { cookie: admin, body: analystUser })).status).toBe(201);
  analyst = await tp.login(analystUser.email, analystUser.password);
  survey = await publishSurvey(tp, admin);
  for (const key of ['branch', 'call-centre']) {
    expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key, name: key } })).status).toBe(201);
  }
  const base = { satisfaction: 4, recommend: 9, reason: 'loan', services: ['counter', 'atm'], returning: true, visits: 3 };
  await submit('plain', { answers: { ...base, remarks: 'Quick and kind.' }, touchpoint: 'branch', channel: 'on-site', locale: 'en' });
  await submit('quoted', { answers: { ...base, recommend: 2, remarks: 'Slow, "very" slow\nand rude' }, touchpoint: 'branch', channel: 'phone' });
  await submit('formula', { answers: { ...base, remarks: '=HYPERLINK("http://evil.example","click")' }, touchpoint: 'call-centre', channel: 'phone' });
  await submit('plus', { answers: { ...base, remarks: '+1 555 0100' }, touchpoint: 'call-centre', channel: 'online' });
  const { token } = await issueResponseToken({ surveyId: survey.id, segment: 'vip', expiresAt: new Date(Date.now() + 86_400_000) });
  await submit('segmented', { answers: { satisfaction: 2, recommend: 10, remarks: '@admin look' }, token, touchpoint: 'branch', channel: 'online', locale: 'zh-CN' });
  // One response from last year, to test the date range (set in the store: the public API stamps the time itself).
  await submit('old', { answers: { satisfaction: 5, recommend: 8 }, touchpoint: 'branch', channel: 'on-site' });
  await ResponseModel.updateOne({ _id: ids.old }, { $set: { submittedAt: new Date('2024-03-10T23:30:00Z') } });
});
afterAll(async () => {
  await tp?.stop();
});

async function exportCsv(query = '', cookie = analyst) {
  const reply = await tp.request(`/api/surveys/${survey.id}/responses.csv${query}`, { cookie });
  expect(reply.status).toBe(200);
  const rows = parse(reply.text, { bom: true, relax_column_count: false }) as string[][];
  const [header, ...records] = rows;
  return { reply, header: header!, records: records.map((record) => Object.fromEntries(header!.map((name, i) => [name, record[i]!]))) };
}
const names = (records: Record<string, string>[]) => records.map((record) => Object.keys(ids).find((name) => ids[name] === record.id));

describe('GET /api/surveys/:id/responses.csv', () => {
  it('downloads every response, oldest first, one column per question of the published version', async () => {
    const { reply, header, records } = await exportCsv();
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBe(`attachment; filename="responses-${survey.slug}.csv"`);
    // fetch's text() drops the byte-order mark, so look at the bytes: Excel needs it to read UTF-8.
    const raw = Buffer.from(await (await fetch(`${tp.url}/api/surveys/${survey.id}/responses.csv`, { headers: { cookie: analyst } })).arrayBuffer());
    expect(raw.subarray(0, 18).toString('utf8')).toBe('\uFEFFid,submittedAt,');
    expect(reply.text.endsWith('\r\n')).toBe(true);
    expect(header).toEqual([...HEADER, ...QUESTIONS]);
    expect(names(records)).toEqual(['old', 'plain', 'quoted', 'formula', 'plus', 'segmented']);
    expect(records[1]).toMatchObject({
      version: '1',
      touchpoint: 'branch',
      channel: 'on-site',
      segment: '',
      locale: 'en',
      csat: '4',
      nps: '9',
      satisfaction: '4',
      recommend: '9',
      reason: 'loan',
      services: 'counter; atm',
      returning: 'true',
      visits: '3',
      remarks: 'Quick and kind.',
    });
    expect(records[0]!.submittedAt).toBe('2024-03-10T23:30:00.000Z');
    expect(records[5]).toMatchObject({ segment: 'vip', locale: 'zh-CN', csat: '2', nps: '10', reason: '' });
  });

  it('quotes RFC 4180 style and defuses cells a spreadsheet would run as formulas', async () => {
    const { reply, records } = await exportCsv('?touchpoint=branch');
    const byName = Object.fromEntries(records.map((record) => [names([record])[0], record]));
    expect(byName.quoted!.remarks).toBe('Slow, "very" slow\nand rude');
    expect(reply.text).toContain(',"Slow, ""very"" slow\nand rude"\r\n');
    expect(byName.segmented!.remarks).toBe("'@admin look");

    const all = await exportCsv('?touchpoint=call-centre');
    const remarks = all.records.map((record) => record.remarks);
    expect(remarks).toEqual([`'=HYPERLINK("http://evil.example","click")`, "'+1 555 0100"]);
    expect(all.reply.text).not.toMatch(/(^|,)"?[=+@]/m);
  });

  it('filters by touchpoint, channel and a range of whole UTC days', async () => {
    expect(names((await exportCsv('?touchpoint=branch')).records)).toEqual(['old', 'plain', 'quoted', 'segmented']);
    expect(names((await exportCsv('?channel=phone')).records)).toEqual(['quoted', 'formula']);
    expect(names((await exportCsv('?touchpoint=branch&channel=online')).records)).toEqual(['segmented']);
    // `to` includes its whole day: 23:30 UTC on 10 March is in, 11 March onwards is out.
    const march = await exportCsv('?from=2024-03-10&to=2024-03-10');
    expect(names(march.records)).toEqual(['old']);
    expect(march.reply.headers.get('content-disposition')).toBe(`attachment; filename="responses-${survey.slug}-2024-03-10_to_2024-03-10.csv"`);
    expect(names((await exportCsv('?from=2024-03-11&to=2024-12-31')).records)).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(names((await exportCsv(`?from=${today}`)).records)).toEqual(['plain', 'quoted', 'formula', 'plus', 'segmented']);
    // An empty result still has its header, so the file opens with the right columns.
    expect((await exportCsv('?channel=app')).header).toEqual([...HEADER, ...QUESTIONS]);
  });

  it('needs a signed-in user and valid input', async () => {
    const anonymous = await tp.request(`/api/surveys/${survey.id}/responses.csv`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await tp.request('/api/surveys/0123456789abcdef01234567/responses.csv', { cookie: analyst })).status).toBe(404);
    const invalid = await tp.request(`/api/surveys/${survey.id}/responses.csv?from=2024-05-01&to=2024-04-01&channel=Not%20A%20Slug`, { cookie: analyst });
    expect(invalid.status).toBe(400);
    expect((invalid.body as { invalid_params: { name: string }[] }).invalid_params.map((param) => param.name).sort()).toEqual(['query.channel', 'query.from']);
    expect((await tp.request(`/api/surveys/${survey.id}/responses.csv?limit=5`, { cookie: analyst })).status).toBe(400);
  });
});
