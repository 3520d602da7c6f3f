import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@shared/auth/auth.schema';
import type { Contact, ContactExport, ContactList, ImportReport } from '@shared/contacts/contact.schema';
import { ContactModel } from '../../server/contacts/contact.model';
import { sendOnce } from '../../server/mail/send-once';
import { SendLogModel } from '../../server/mail/send-log.model';
import { issueResponseToken } from '../../server/responses/response-token.service';
import { ResponseTokenModel } from '../../server/responses/response-token.model';
import { ResponseModel } from '../../server/responses/response.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey, validSubmission, type Problem } from './responses-fixtures';

const MAX_CSV_BYTES = 2_000_000;
const CSV_ROWS = 20_000;
const SEGMENTS = ['new', 'regular', 'vip', 'strategic'];

let tp: TestPlatform;
let admin: string;
let designer: string;
let analyst: string;

async function signInAs(role: 'designer' | 'analyst'): Promise<string> {
  const user = { email: `${role}@example.test`, name: role, role, password: `${role}-password-1` };
  const created = await tp.request('/api/users', { cookie: admin, body: user });
  if (created.status !== 201) throw new Error(`user: ${created.status} ${created.text}`);
  return tp.login(user.email, user.password);
}

beforeAll(async () => {
  tp = await startTestPlatform({ CONTACT_IMPORT_MAX_BYTES: String(MAX_CSV_BYTES) });
  admin = await tp.login();
  designer = await signInAs('designer');
  analyst = await signInAs('analyst');
});
afterAll(async () => {
  await tp?.stop();
});

const importJson = (rows: unknown, cookie = admin) => tp.request('/api/contacts', { cookie, body: rows });
const importCsv = (csv: string, cookie = admin) => tp.request('/api/contacts', { method: 'POST', cookie, rawBody: csv, contentType: 'text/csv' });
const list = async (query: string) => {
  const reply = await tp.request(`/api/contacts?${query}`, { cookie: analyst });
  expect(reply.status).toBe(200);
  return reply.body as ContactList;
};
const contactByEmail = async (email: string) => (await list(`q=${encodeURIComponent(email)}`)).contacts.find((c) => c.email === email);

/** `CSV_ROWS` customers, cycling through the default segments and both locales. */
function generatedCsv(): string {
  const lines = ['email,name,segment,locale,customer_id,branch'];
  for (let i = 0; i < CSV_ROWS; i += 1) {
    lines.push(`user${i}@bulk.example.test,Customer ${i},${SEGMENTS[i % 4]},${i % 2 ? 'zh-CN' : 'en'},C-${i},"Branch, ${i % 7}"`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('JSON import', () => {
  it('merges rows with the same email and reports each rejected row with its reasons', async () => {
    const reply = await importJson([
      { email: ' Ann@Example.TEST ', name: 'Ann Lee', segment: 'vip', attributes: { plan: 'gold', visits: 3 } },
      { email: 'not-an-email', name: 'Nobody' },
      { email: 'bob@example.test', segment: 'gold' },
      { email: 'ann@example.test', phone: '+86 10 5555 0101', attributes: { branch: 'north', visits: 4 } },
      { email: 'cy@example.test', locale: 'fr', attributes: { 'a.b': 1 } },
      { email: 'dee@example.test', name: 'Dee', locale: 'zh-CN' },
    ]);
    expect(reply.status).toBe(200);
    const report = reply.body as ImportReport;
    expect(report).toMatchObject({ created: 2, updated: 1, rejectedCount: 3, total: 6 });
    expect(report.rejected.map((row) => row.row)).toEqual([2, 3, 5]);
    expect(report.rejected[0]).toMatchObject({ email: 'not-an-email', reasons: [expect.stringMatching(/^email: /)] });
    expect(report.rejected[1]).toEqual({ row: 3, email: 'bob@example.test', reasons: ['segment: unknown segment "gold"'] });
    expect(report.rejected[2]!.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^locale: /), expect.stringMatching(/^attributes\.a\.b: /)]));

    const ann = await contactByEmail('ann@example.test');
    expect(ann).toMatchObject({
      name: 'Ann Lee',
      phone: '+86 10 5555 0101',
      segment: 'vip',
      locale: null,
      attributes: { plan: 'gold', visits: 4, branch: 'north' },
      unsubscribedAt: null,
    });
    expect(await contactByEmail('bob@example.test')).toBeUndefined();

    const again = await importJson([{ email: 'ANN@example.test', name: 'Ann Li', attributes: { visits: 5 } }], designer);
    expect(again.body).toMatchObject({ created: 0, updated: 1, rejectedCount: 0, total: 1 });
    expect(await contactByEmail('ann@example.test')).toMatchObject({ name: 'Ann Li', phone: '+86 10 5555 0101', attributes: { plan: 'gold', visits: 5, branch: 'north' } });
    expect(await ContactModel.countDocuments({ email: 'ann@example.test' })).toBe(1);
  });

  it('refuses an empty array and more than 1000 rows as a whole', async () => {
    for (const rows of [[], Array.from({ length: 1001 }, (_, i) => ({ email: `many${i}@example.test` })), { email: 'x@example.test' }]) {
      const reply = await importJson(rows);
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((reply.body as Problem).invalid_params?.[0]?.name).toBe('body');
    }
  });
});

describe('segments', () => {
  it('starts with the defaults; an admin extends them, and only known segments are accepted', async () => {
    expect((await tp.request('/api/settings/segments', { cookie: analyst })).body).toEqual({ segments: SEGMENTS });
    const denied = await tp.request('/api/settings/segments', { cookie: designer, method: 'PUT', body: { segments: [...SEGMENTS, 'gold'] } });
    expect(denied.status).toBe(403);
    const bad = await tp.request('/api/settings/segments', { cookie: admin, method: 'PUT', body: { segments: ['Gold Tier'] } });
    expect(bad.status).toBe(400);

    const ann = (await contactByEmail('ann@example.test'))!;
    const unknown = await tp.request(`/api/contacts/${ann.id}`, { cookie: designer, method: 'PATCH', body: { segment: 'gold' } });
    expect(unknown.status).toBe(400);
    expect((unknown.body as Problem).invalid_params).toEqual([{ name: 'body.segment', reason: expect.stringContaining('unknown segment "gold"') }]);

    const put = await tp.request('/api/settings/segments', { cookie: admin, method: 'PUT', body: { segments: [...SEGMENTS, 'gold'] } });
    expect(put.body).toEqual({ segments: [...SEGMENTS, 'gold'] });
    const patched = await tp.request(`/api/contacts/${ann.id}`, { cookie: designer, method: 'PATCH', body: { segment: 'gold', name: null } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ segment: 'gold', name: null, email: 'ann@example.test' });
    expect((await importJson([{ email: 'bob@example.test', segment: 'gold' }])).body).toMatchObject({ created: 1, rejectedCount: 0 });
  });

  it('answers 409 when an edit would give a contact another contact’s email', async () => {
    const bob = (await contactByEmail('bob@example.test'))!;
    const reply = await tp.request(`/api/contacts/${bob.id}`, { cookie: admin, method: 'PATCH', body: { email: 'Ann@example.test' } });
    expect(reply.status).toBe(409);
  });
});

describe('CSV import', () => {
  it(`streams ${CSV_ROWS} rows in, and importing the same file again updates them`, { timeout: 120_000 }, async () => {
    const csv = generatedCsv();
    expect(csv.length).toBeLessThan(MAX_CSV_BYTES);
    const first = await importCsv(csv, designer);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: CSV_ROWS, updated: 0, rejected: [], rejectedCount: 0, total: CSV_ROWS });
    expect(await ContactModel.countDocuments({ email: /@bulk\.example\.test$/ })).toBe(CSV_ROWS);
    expect(await contactByEmail('user12345@bulk.example.test')).toMatchObject({
      name: 'Customer 12345',
      segment: 'regular',
      locale: 'zh-CN',
      attributes: { customer_id: 'C-12345', branch: 'Branch, 4' },
    });

    const second = await importCsv(csv.replace('Customer 7,', 'Customer Seven,'), designer);
    expect(second.body).toEqual({ created: 0, updated: CSV_ROWS, rejected: [], rejectedCount: 0, total: CSV_ROWS });
    expect(await ContactModel.countDocuments({ email: /@bulk\.example\.test$/ })).toBe(CSV_ROWS);
    expect((await contactByEmail('user7@bulk.example.test'))?.name).toBe('Customer Seven');
  });

  it('reports bad rows by line, keeps empty cells from clearing fields, and merges repeated emails', async () => {
    const csv = [
      '\uFEFFEmail,Name,Phone,Segment,Locale,Loyalty Tier',
      'erin@example.test,Erin,,vip,en,silver',
      'not-an-email,Nobody,,,,',
      'fay@example.test,Fay,,platinum,,',
      'gus@example.test,Gus,,new',
      '',
      'ERIN@example.test,,+44 20 7946 0000,,,gold',
    ].join('\n');
    const reply = await importCsv(csv);
    expect(reply.status).toBe(200);
    const report = reply.body as ImportReport;
    expect(report).toMatchObject({ created: 1, updated: 1, rejectedCount: 3, total: 5 });
    expect(report.rejected).toEqual([
      { row: 3, email: 'not-an-email', reasons: [expect.stringMatching(/^email: /)] },
      { row: 4, email: 'fay@example.test', reasons: ['segment: unknown segment "platinum"'] },
      { row: 5, email: 'gus@example.test', reasons: ['row: has 4 fields, the header has 6'] },
    ]);
    expect(await contactByEmail('erin@example.test')).toMatchObject({
      name: 'Erin',
      phone: '+44 20 7946 0000',
      segment: 'vip',
      locale: 'en',
      attributes: { 'Loyalty Tier': 'gold' },
    });
  });

  it('refuses a header without email, duplicate or unusable columns, and an empty file, naming them', async () => {
    const cases: [string, string[]][] = [
      ['name,phone\nAnn,123\n', ['header.email']],
      ['email,name,NAME\na@example.test,A,B\n', ['header.NAME']],
      ['email,plan.level\na@example.test,x\n', ['header.plan.level']],
    ];
    for (const [csv, names] of cases) {
      const reply = await importCsv(csv);
      expect(reply.status).toBe(400);
      expect((reply.body as Problem).invalid_params?.map((param) => param.name)).toEqual(names);
    }
    const empty = await importCsv('');
    expect(empty.status).toBe(400);
  });

  it('answers malformed CSV with 400 and where it broke, keeping the rows before it', async () => {
    const good = Array.from({ length: 2500 }, (_, i) => `broken${i}@example.test,Row ${i}`);
    const reply = await importCsv(['email,name', ...good, 'ivy@example.test,"Ivy', 'jan@example.test,Jan'].join('\n'));
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(reply.body).toMatchObject({ invalid_params: [{ name: 'body', reason: 'CSV_QUOTE_NOT_CLOSED' }] });
    // Every row up to the line the detail names is stored, none after it.
    const line = Number(/after line (\d+)/.exec((reply.body as Problem).detail ?? '')?.[1]);
    expect(line).toBeGreaterThan(1);
    expect(await ContactModel.countDocuments({ email: /^broken\d+@example\.test$/ })).toBe(line - 1);
    expect(await ContactModel.countDocuments({ email: { $in: ['ivy@example.test', 'jan@example.test'] } })).toBe(0);
  });

  it('refuses a file over the limit with 413, whether or not its length was announced', async () => {
    const row = 'big@example.test,Someone with a long name,,,,\n';
    const oversize = `email,name,phone,segment,locale,note\n${row.repeat(Math.ceil(MAX_CSV_BYTES / row.length) + 10)}`;
    const announced = await importCsv(oversize);
    expect(announced.status).toBe(413);
    expect(announced.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(announced.body).toMatchObject({ code: 'body-too-large' });

    // Chunked, so the server only finds out while reading.
    const chunk = new TextEncoder().encode(row.repeat(1000));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('email,name,phone,segment,locale,note\n'));
      },
      pull(controller) {
        if (sent > 2 * MAX_CSV_BYTES) controller.close();
        else controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const streamed = await fetch(`${tp.url}/api/contacts`, {
      method: 'POST',
      headers: { cookie: admin, [CSRF_HEADER]: '1', 'content-type': 'text/csv' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(((await streamed.json()) as Problem).code).toBe('body-too-large');
  });

  it('refuses other content types and encodings with 415 problem+json', async () => {
    const plain = await tp.request('/api/contacts', { cookie: admin, rawBody: 'email\na@example.test\n', contentType: 'text/plain' });
    expect(plain.status).toBe(415);
    expect(plain.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const latin1 = await tp.request('/api/contacts', { cookie: admin, rawBody: 'email\na@example.test\n', contentType: 'text/csv; charset=iso-8859-1' });
    expect(latin1.status).toBe(415);
    const malformedJson = await tp.request('/api/contacts', { cookie: admin, rawBody: '[{"email":', contentType: 'application/json' });
    expect(malformedJson.status).toBe(400);
  });
});

describe('roles', () => {
  it('lets analysts read but not import, edit, change consent or erase; designers may not erase', async () => {
    const ann = (await contactByEmail('ann@example.test'))!;
    expect((await importJson([{ email: 'zed@example.test' }], analyst)).status).toBe(403);
    expect((await importCsv('email\nzed@example.test\n', analyst)).status).toBe(403);
    expect((await tp.request(`/api/contacts/${ann.id}`, { cookie: analyst, method: 'PATCH', body: { name: 'X' } })).status).toBe(403);
    expect((await tp.request(`/api/contacts/${ann.id}/unsubscribe`, { cookie: analyst, method: 'POST' })).status).toBe(403);
    expect((await tp.request(`/api/contacts/${ann.id}`, { cookie: analyst, method: 'DELETE' })).status).toBe(403);
    expect((await tp.request(`/api/contacts/${ann.id}`, { cookie: designer, method: 'DELETE' })).status).toBe(403);
    expect((await tp.request(`/api/contacts/${ann.id}`, { cookie: analyst })).body).toMatchObject({ email: 'ann@example.test' });
    expect(await ContactModel.countDocuments({ email: 'zed@example.test' })).toBe(0);
  });

  it('needs a session or token and the CSRF header for an import', async () => {
    expect((await tp.request('/api/contacts', { body: [{ email: 'zed@example.test' }] })).status).toBe(401);
    expect((await tp.request('/api/contacts', { cookie: admin, csrf: false, rawBody: 'email\nzed@example.test\n', contentType: 'text/csv' })).status).toBe(403);
  });
});

describe('listing', () => {
  it('filters by segment and by email or name prefix, case-insensitively', async () => {
    const vip = await list('segment=vip&q=user1234');
    // user1234 and user12340..user12349 exist; the vip ones are those with i % 4 === 2.
    expect(vip.contacts.map((c) => c.email).sort()).toEqual(['user12342', 'user12346', 'user1234'].map((u) => `${u}@bulk.example.test`));
    expect((await list('q=CUSTOMER%2019999')).contacts.map((c) => c.email)).toEqual(['user19999@bulk.example.test']);
    expect((await list('q=Lee')).contacts).toEqual([]);
    expect((await list('q=user1.*')).contacts).toEqual([]);
    const badQuery = await tp.request('/api/contacts?segment=VIP&limit=0&extra=1', { cookie: analyst });
    expect(badQuery.status).toBe(400);
    expect((badQuery.body as Problem).invalid_params?.map((param) => param.name).sort()).toEqual(['query', 'query.limit', 'query.segment']);
  });

  it('pages newest first by cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ContactList = await list(`q=user1999&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.contacts.map((c) => c.email));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
    expect(seen.toSorted()).toEqual(['user1999', ...Array.from({ length: 10 }, (_, i) => `user1999${i}`)].map((u) => `${u}@bulk.example.test`).sort());
  });
});

describe('consent', () => {
  it('unsubscribes once (keeping the first time) and resubscribes; the list filters on it', async () => {
    const erin = (await contactByEmail('erin@example.test'))!;
    const first = await tp.request(`/api/contacts/${erin.id}/unsubscribe`, { cookie: designer, method: 'POST' });
    expect(first.status).toBe(200);
    const at = (first.body as Contact).unsubscribedAt;
    expect(at).toEqual(expect.any(String));
    const again = await tp.request(`/api/contacts/${erin.id}/unsubscribe`, { cookie: admin, method: 'POST' });
    expect((again.body as Contact).unsubscribedAt).toBe(at);

    expect((await list('unsubscribed=true')).contacts.map((c) => c.email)).toEqual(['erin@example.test']);
    expect((await list('unsubscribed=false&q=erin')).contacts).toEqual([]);

    const back = await tp.request(`/api/contacts/${erin.id}/resubscribe`, { cookie: designer, method: 'POST' });
    expect((back.body as Contact).unsubscribedAt).toBeNull();
    expect((await list('unsubscribed=true')).contacts).toEqual([]);
    expect((await tp.request(`/api/contacts/${new Types.ObjectId().toString()}/unsubscribe`, { cookie: admin, method: 'POST' })).status).toBe(404);
  });
});

describe('GDPR', () => {
  it('exports everything held on a contact, then erases it while its answers stay counted', { timeout: 60_000 }, async () => {
    const email = 'gdpr.subject@example.test';
    await importJson([{ email, name: 'Data Subject', segment: 'vip', phone: '+1 555 0100' }]);
    const contact = (await contactByEmail(email))!;
    const contactId = new Types.ObjectId(contact.id);
    const survey = await publishSurvey(tp, admin);
    const inAWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    const used = await issueResponseToken({ surveyId: survey.id, contactId, segment: 'vip', expiresAt: inAWeek });
    await issueResponseToken({ surveyId: survey.id, contactId, segment: 'vip', expiresAt: inAWeek });
    const submitted = await tp.request(`/api/public/surveys/${survey.slug}/responses`, {
      body: validSubmission(survey.version, { token: used.token }),
      csrf: false,
    });
    expect(submitted.status).toBe(201);
    const responseId = (submitted.body as { id: string }).id;
    await sendOnce(tp.platform.context.mailer, { key: `invitation/gdpr/${contact.id}`, kind: 'invitation', to: email, contactId }, () => ({
      subject: 'How was your visit?',
      text: 'Tell us.',
    }));
    await tp.mailbox.waitFor(1);

    const exported = await tp.request(`/api/contacts/${contact.id}/export`, { cookie: designer });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe(`attachment; filename=contact-${contact.id}.json`);
    const dump = exported.body as ContactExport;
    expect(dump.contact).toMatchObject({ email, name: 'Data Subject', phone: '+1 555 0100' });
    expect(dump.responses).toEqual([expect.objectContaining({ _id: responseId, contactId: contact.id, answers: expect.objectContaining({ remarks: 'Quick and kind.' }) })]);
    expect(dump.sendLog).toEqual([expect.objectContaining({ to: email, kind: 'invitation', status: 'sent' })]);
    expect(dump.responseTokens).toHaveLength(2);
    expect(exported.text).not.toMatch(/tokenHash/);
    expect((await tp.request(`/api/contacts/${contact.id}/export`, { cookie: analyst })).status).toBe(403);

    const erased = await tp.request(`/api/contacts/${contact.id}`, { cookie: admin, method: 'DELETE' });
    expect(erased.status).toBe(204);

    expect((await tp.request(`/api/contacts/${contact.id}/export`, { cookie: admin })).status).toBe(404);
    expect((await tp.request(`/api/contacts/${contact.id}`, { cookie: admin })).status).toBe(404);
    expect(await contactByEmail(email)).toBeUndefined();
    const response = await ResponseModel.findById(responseId).lean();
    expect(response).toMatchObject({ contactId: null, segment: null });
    expect(response?.answers).toMatchObject({ satisfaction: 4, recommend: 9 });
    expect(response?.answers).not.toHaveProperty('remarks');
    const tokens = await ResponseTokenModel.find({ surveyId: survey.id }).lean();
    expect(tokens.map((token) => [token.usedAt instanceof Date, token.contactId])).toEqual([[true, null]]);
    const log = await SendLogModel.find({ key: `invitation/gdpr/${contact.id}` }).lean();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ to: 'erased', contactId: null, status: 'sent' });
    expect(JSON.stringify(await SendLogModel.find({}).lean())).not.toContain(email);

    expect((await tp.request(`/api/contacts/${contact.id}`, { cookie: admin, method: 'DELETE' })).status).toBe(404);
  });
});
