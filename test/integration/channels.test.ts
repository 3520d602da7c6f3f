import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_HEADER } from '@shared/channels/kiosk-constants';
import { ResponseModel } from '../../server/responses/response.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey, SERVICE_SURVEY, validSubmission, type Problem } from './responses-fixtures';

let tp: TestPlatform;
let admin: string;

beforeAll(async () => {
  // One proxy hop is trusted, so X-Forwarded-For stands in for a branch's shared address.
  tp = await startTestPlatform({ TRUST_PROXY: '1', RESPOND_RATE_PER_IP: '2', RESPOND_RATE_PER_SURVEY: '6' });
  admin = await tp.login();
  expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key: 'counter', name: 'Counter' } })).status).toBe(201);
});
afterAll(async () => {
  await tp?.stop();
});

/** Limits count in fixed one-minute windows; start a test well inside one so it cannot straddle two. */
async function awayFromWindowEdge(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 50));
}

async function newKiosk(surveyId: string, overrides: Record<string, unknown> = {}) {
  const created = await tp.request('/api/kiosks', { cookie: admin, body: { name: 'Counter tablet', surveyId, touchpoint: 'counter', channel: 'on-site', ...overrides } });
  expect(created.status).toBe(201);
  const body = created.body as { id: string; kioskUrl: string };
  const credential = new URL(body.kioskUrl).hash.replace(/^#kiosk=/, '');
  return { id: body.id, kioskUrl: body.kioskUrl, credential };
}

const submit = (slug: string, body: Record<string, unknown>, headers: Record<string, string>) =>
  tp.request(`/api/public/surveys/${slug}/responses`, { body, csrf: false, headers });

describe('tagged links and QR codes', () => {
  it('gives a published survey its link with touchpoint and channel preset, as SVG and PNG too', async () => {
    const survey = await publishSurvey(tp, admin);
    const link = await tp.request(`/api/surveys/${survey.id}/link?touchpoint=counter&channel=on-site`, { cookie: admin });
    expect(link.status).toBe(200);
    const { url } = link.body as { url: string };
    // Signed as every staff-made tagged link is, so the respondent page may take its tags.
    expect(url).toMatch(new RegExp(`^${tp.url}/s/${survey.slug}\\?tp=counter&ch=on-site&sig=[A-Za-z0-9_-]{22}$`));

    const svg = await tp.request(`/api/surveys/${survey.id}/qr.svg?touchpoint=counter&channel=on-site`, { cookie: admin });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.text).toMatch(/^<svg[^>]*viewBox/);

    const png = await fetch(`${tp.url}/api/surveys/${survey.id}/qr.png?channel=on-site&width=300`, { headers: { cookie: admin } });
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    // IHDR width, big-endian at byte 16.
    expect(bytes.readUInt32BE(16)).toBe(300);
  });

  it('refuses unknown tags, unknown options, drafts and anonymous callers', async () => {
    const survey = await publishSurvey(tp, admin);
    const unknown = await tp.request(`/api/surveys/${survey.id}/link?touchpoint=nowhere&channel=carrier-pigeon`, { cookie: admin });
    expect(unknown.status).toBe(400);
    expect((unknown.body as Problem).invalid_params?.map((p) => p.name).sort()).toEqual(['query.channel', 'query.touchpoint']);
    const option = await tp.request(`/api/surveys/${survey.id}/qr.svg?colour=red`, { cookie: admin });
    expect(option.status).toBe(400);
    const draft = await tp.request('/api/surveys', { cookie: admin, body: { title: 'Draft', definition: SERVICE_SURVEY } });
    const draftLink = await tp.request(`/api/surveys/${(draft.body as { id: string }).id}/link`, { cookie: admin });
    expect(draftLink.status).toBe(409);
    expect((await tp.request(`/api/surveys/${survey.id}/qr.png`)).status).toBe(401);
  });
});

describe('kiosk devices', () => {
  it('registers a tablet whose link carries the credential in its fragment, and reads its settings with it', async () => {
    const survey = await publishSurvey(tp, admin);
    const kiosk = await newKiosk(survey.id, { thankYouSeconds: 2, idleSeconds: 5 });
    expect(kiosk.kioskUrl).toMatch(new RegExp(`^${tp.url}/s/${survey.slug}\\?tp=counter&ch=on-site&sig=[A-Za-z0-9_-]{22}#kiosk=[A-Za-z0-9_-]{43}$`));
    const settings = await tp.request('/api/public/kiosk', { headers: { [KIOSK_HEADER]: kiosk.credential } });
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({ name: 'Counter tablet', slug: survey.slug, touchpoint: 'counter', channel: 'on-site', thankYouSeconds: 2, idleSeconds: 5 });
    // The credential is shown once: the list never carries it.
    const list = await tp.request(`/api/kiosks?surveyId=${survey.id}`, { cookie: admin });
    expect(JSON.stringify(list.body)).not.toContain(kiosk.credential);
    expect((list.body as { kiosks: unknown[] }).kiosks).toHaveLength(1);
  });

  it('refuses bad kiosk input, and analysts may not register tablets', async () => {
    const survey = await publishSurvey(tp, admin);
    const bad = await tp.request('/api/kiosks', {
      cookie: admin,
      body: { name: 'T', surveyId: survey.id, touchpoint: 'nowhere', channel: 'on-site', idleSeconds: 1, wifi: 'x' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Problem).invalid_params?.map((p) => p.name).sort()).toEqual(['body', 'body.idleSeconds']);
    const unknownTag = await tp.request('/api/kiosks', { cookie: admin, body: { name: 'T', surveyId: survey.id, touchpoint: 'nowhere', channel: 'on-site' } });
    expect((unknownTag.body as Problem).invalid_params).toEqual([{ name: 'body.touchpoint', reason: 'there is no touchpoint "nowhere"' }]);
    const created = await tp.request('/api/users', { cookie: admin, body: { email: 'analyst.kiosk@example.test', name: 'Analyst', password: 'analyst password 1', role: 'analyst' } });
    expect(created.status).toBe(201);
    const analyst = await tp.login('analyst.kiosk@example.test', 'analyst password 1');
    const refused = await tp.request('/api/kiosks', { cookie: analyst, body: { name: 'T', surveyId: survey.id, touchpoint: 'counter', channel: 'on-site' } });
    expect(refused.status).toBe(403);
    // Tagged links are signed, which is a designer's act: analysts get no QR code either.
    expect((await tp.request(`/api/surveys/${survey.id}/qr.svg?channel=on-site`, { cookie: analyst })).status).toBe(403);
  });

  it('stores a kiosk answer once per submissionId, tagged with the device, whatever the page sent', async () => {
    const survey = await publishSurvey(tp, admin);
    const kiosk = await newKiosk(survey.id);
    const body = validSubmission(survey.version, { touchpoint: 'counter', channel: 'online' });
    const headers = { [KIOSK_HEADER]: kiosk.credential, 'x-forwarded-for': '192.0.2.40' };
    expect((await submit(survey.slug, body, headers)).status).toBe(201);
    expect((await submit(survey.slug, body, headers)).status).toBe(200);
    const stored = await ResponseModel.find({ surveyId: survey.id }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ touchpoint: 'counter', channel: 'on-site' });
  });

  it('refuses a revoked device (403), an unknown one (401) and another survey (403)', async () => {
    const survey = await publishSurvey(tp, admin);
    const other = await publishSurvey(tp, admin);
    const kiosk = await newKiosk(survey.id);
    const at = { 'x-forwarded-for': '192.0.2.50' };
    const elsewhere = await submit(other.slug, validSubmission(other.version), { ...at, [KIOSK_HEADER]: kiosk.credential });
    expect(elsewhere.status).toBe(403);
    expect((elsewhere.body as Problem).code).toBe('kiosk-other-survey');

    const revoked = await tp.request(`/api/kiosks/${kiosk.id}/revoke`, { cookie: admin, method: 'POST' });
    expect(revoked.status).toBe(200);
    expect((revoked.body as { revokedAt: string | null }).revokedAt).not.toBeNull();
    const refused = await submit(survey.slug, validSubmission(survey.version), { ...at, [KIOSK_HEADER]: kiosk.credential });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect((refused.body as Problem).code).toBe('kiosk-revoked');
    expect((await tp.request('/api/public/kiosk', { headers: { [KIOSK_HEADER]: kiosk.credential } })).status).toBe(403);

    const unknown = await submit(survey.slug, validSubmission(survey.version), { ...at, [KIOSK_HEADER]: 'A'.repeat(43) });
    expect(unknown.status).toBe(401);
    expect((await submit(survey.slug, validSubmission(survey.version), { ...at, [KIOSK_HEADER]: 'short' })).status).toBe(401);
    expect(await ResponseModel.countDocuments({ surveyId: survey.id })).toBe(0);
  });

  it('exempts a valid device from the per-address limit but not from the per-survey limit', async () => {
    const survey = await publishSurvey(tp, admin);
    const kiosk = await newKiosk(survey.id);
    const branch = '192.0.2.60';
    await awayFromWindowEdge();
    // The per-address limit is 2 a minute; a customer's phone at the branch address hits it ...
    const phone = [];
    for (let i = 0; i < 3; i++) phone.push((await submit(survey.slug, validSubmission(survey.version), { 'x-forwarded-for': branch })).status);
    expect(phone).toEqual([201, 201, 429]);
    // ... while the tablet at the same address goes on, until the survey's own limit (6 a minute) is reached.
    const tablet = [];
    for (let i = 0; i < 6; i++) {
      tablet.push((await submit(survey.slug, validSubmission(survey.version), { 'x-forwarded-for': branch, [KIOSK_HEADER]: kiosk.credential })).status);
    }
    // The phone's three attempts counted against the survey too (the third was refused, but counted).
    expect(tablet).toEqual([201, 201, 201, 429, 429, 429]);
    expect(await ResponseModel.countDocuments({ surveyId: survey.id, channel: 'on-site' })).toBe(3);
  });
});
