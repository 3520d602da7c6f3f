import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsResponseSchema, trendResponseSchema } from '@shared/scoring/metrics.schema';
import { parse } from 'csv-parse/sync';
import { ResponseModel } from '../../server/responses/response.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { cellValue, readXlsx, type ReadCell } from '../harness/xlsx-reader';
import { publishSurvey } from './responses-fixtures';

const SURVEY = {
  title: 'Branch visit',
  pages: [
    {
      name: 'visit',
      elements: [
        { type: 'rating', name: 'satisfaction', title: { default: 'How satisfied are you?', 'zh-cn': '您对本次服务满意吗？' }, metric: 'csat', rateMin: 1, rateMax: 5 },
        { type: 'rating', name: 'recommend', title: { default: 'Would you recommend us?', 'zh-cn': '您会推荐我们吗？' }, metric: 'nps', rateMin: 0, rateMax: 10 },
        { type: 'checkbox', name: 'services', title: 'Services used', choices: ['counter', 'atm'] },
        { type: 'boolean', name: 'returning', title: 'Visited before?' },
        { type: 'comment', name: 'remarks', maxLength: 200 },
      ],
    },
  ],
};
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let tp: TestPlatform;
let admin: string;
let survey: { id: string; slug: string; version: number };

async function download(path: string): Promise<{ status: number; type: string | null; disposition: string | null; file: Buffer }> {
  const reply = await fetch(`${tp.url}${path}`, { headers: { cookie: admin } });
  return { status: reply.status, type: reply.headers.get('content-type'), disposition: reply.headers.get('content-disposition'), file: Buffer.from(await reply.arrayBuffer()) };
}

beforeAll(async () => {
  tp = await startTestPlatform({ RESPOND_RATE_PER_IP: '100000', RESPOND_MIN_FILL_MS: '0' });
  admin = await tp.login();
  survey = await publishSurvey(tp, admin, SURVEY);
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'branch', name: 'Branch' } })).status).toBe(201);
  const answers = [
    { satisfaction: 5, recommend: 10, services: ['counter', 'atm'], returning: true, remarks: '=HYPERLINK("http://evil.example","x")' },
    { satisfaction: 2, recommend: 3, returning: false, remarks: '排队太久了' },
    { satisfaction: 4, recommend: 9 },
  ];
  for (const [i, a] of answers.entries()) {
    const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, {
      body: { version: survey.version, submissionId: randomUUID(), answers: a, elapsedMs: 30_000, touchpoint: 'branch', channel: 'online', locale: i === 1 ? 'zh-CN' : 'en' },
    });
    expect(reply.status, reply.text).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  // A fixed time with milliseconds, so the date cell's precision is checked too.
  const oldest = await ResponseModel.findOne({ surveyId: survey.id }).sort({ submittedAt: 1 });
  await ResponseModel.updateOne({ _id: oldest!._id }, { $set: { submittedAt: new Date('2024-03-10T23:30:15.250Z') } });
});
afterAll(async () => {
  await tp?.stop();
});

describe('GET /api/surveys/:id/responses.xlsx', () => {
  it('holds the CSV export’s rows as typed cells, read back by an independent reader', async () => {
    const xlsx = await download(`/api/surveys/${survey.id}/responses.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe(XLSX_TYPE);
    expect(xlsx.disposition).toBe(`attachment; filename="responses-${survey.slug}.xlsx"`);
    const [header, ...rows] = readXlsx(xlsx.file).Responses!;
    const csv = parse((await tp.request(`/api/surveys/${survey.id}/responses.csv`, { cookie: admin })).text, { bom: true }) as string[][];
    const [csvHeader, ...csvRows] = csv;
    expect(header!.map(cellValue)).toEqual([
      ...csvHeader!.slice(0, 11),
      'How satisfied are you?',
      'Would you recommend us?',
      'Services used',
      'Visited before?',
      'remarks',
    ]);
    expect(rows).toHaveLength(csvRows.length);
    const column = (name: string) => csvHeader!.indexOf(name);
    for (const [r, csvRow] of csvRows.entries()) {
      const row = rows[r]!;
      const cell = (name: string): ReadCell | undefined => row[column(name)];
      expect(cell('id')).toEqual({ t: 's', v: csvRow[column('id')] });
      expect(cell('submittedAt')).toEqual({ t: 'd', v: csvRow[column('submittedAt')] });
      for (const name of ['version', 'csat', 'nps', 'satisfaction', 'recommend']) expect(cell(name), name).toEqual({ t: 'n', v: Number(csvRow[column(name)]) });
      expect(cellValue(cell('services'))).toBe(csvRow[column('services')] || null);
    }
    expect(rows[0]![column('submittedAt')]).toEqual({ t: 'd', v: '2024-03-10T23:30:15.250Z' });
    expect(rows[0]![column('returning')]).toEqual({ t: 'b', v: true });
    expect(rows[1]![column('returning')]).toEqual({ t: 'b', v: false });
    // A text cell is never a formula, so it needs no quote-prefix guard: the reader gets the exact text.
    expect(rows[0]![column('remarks')]).toEqual({ t: 's', v: '=HYPERLINK("http://evil.example","x")' });
    expect(rows[1]![column('remarks')]).toEqual({ t: 's', v: '排队太久了' });
    expect(rows[2]![column('remarks')] ?? null).toBeNull();
  });

  it('titles the question columns in the chosen language and filters like the CSV', async () => {
    const zh = readXlsx((await download(`/api/surveys/${survey.id}/responses.xlsx?lang=zh-CN&from=2024-03-10&to=2024-03-10`)).file).Responses!;
    expect(zh[0]!.slice(11, 13).map(cellValue)).toEqual(['您对本次服务满意吗？', '您会推荐我们吗？']);
    // A title without a Chinese text falls back to its default.
    expect(cellValue(zh[0]![13])).toBe('Services used');
    expect(zh).toHaveLength(2);
  });

  it('refuses unknown options and languages', async () => {
    expect((await download(`/api/surveys/${survey.id}/responses.xlsx?lang=fr`)).status).toBe(400);
    expect((await download(`/api/surveys/${survey.id}/responses.xlsx?limit=5`)).status).toBe(400);
    expect((await download('/api/surveys/0123456789abcdef01234567/responses.xlsx')).status).toBe(404);
  });
});

describe('GET /api/metrics/touchpoints.xlsx', () => {
  it('holds the metrics API’s scores with n and 95% intervals, and the trend of every metric', async () => {
    const range = 'from=2024-01-01&to=2030-12-31';
    const deadline = Date.now() + 10_000;
    let metrics = metricsResponseSchema.parse((await tp.request(`/api/metrics/touchpoints?survey=${survey.id}&${range}`, { cookie: admin })).body);
    while (metrics.touchpoints[0]?.n !== 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      metrics = metricsResponseSchema.parse((await tp.request(`/api/metrics/touchpoints?survey=${survey.id}&${range}`, { cookie: admin })).body);
    }
    const xlsx = await download(`/api/metrics/touchpoints.xlsx?survey=${survey.id}&${range}`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe(XLSX_TYPE);
    const book = readXlsx(xlsx.file);
    const [header, ...rows] = book.Scores!;
    const at = (row: ReadCell[], name: string) => cellValue(row[header!.findIndex((cell) => cellValue(cell) === name)]);
    const branch = metrics.touchpoints.find((t) => t.touchpoint === 'branch')!;
    expect(rows).toHaveLength(1);
    expect(at(rows[0]!, 'touchpoint')).toBe('branch');
    expect(at(rows[0]!, 'n')).toBe(3);
    expect(at(rows[0]!, 'csat mean')).toBeCloseTo(branch.csat!.mean, 12);
    expect(at(rows[0]!, 'csat mean ci95 low')).toBeCloseTo(branch.csat!.meanCi95![0], 12);
    expect(at(rows[0]!, 'csat satisfied ci95 high')).toBeCloseTo(branch.csat!.ci95[1], 12);
    expect(at(rows[0]!, 'nps')).toBeCloseTo(branch.nps!.score, 12);
    expect(at(rows[0]!, 'nps ci95 low')).toBeCloseTo(branch.nps!.ci95[0], 12);
    expect(at(rows[0]!, 'ces mean')).toBeNull();

    const trend = trendResponseSchema.parse((await tp.request(`/api/metrics/trend?survey=${survey.id}&${range}&metric=nps&interval=month`, { cookie: admin })).body);
    const npsRows = book.Trend!.slice(1).filter((row) => cellValue(row[1]) === 'nps');
    expect(npsRows.map((row) => [cellValue(row[0]), cellValue(row[2]), cellValue(row[3])])).toEqual(trend.points.map((p) => [p.period, p.n, p.value]));
    expect(npsRows.length).toBeGreaterThan(0);
  });

  it('refuses unknown options', async () => {
    expect((await download(`/api/metrics/touchpoints.xlsx?survey=${survey.id}&format=csv`)).status).toBe(400);
    expect((await download(`/api/metrics/touchpoints.xlsx?survey=${survey.id}&interval=year`)).status).toBe(400);
  });
});
