import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedSurveyLinkSchema, type SignedSurveyLink } from '@shared/surveys/survey-link.schema';
import { ResponseModel } from '../../server/responses/response.model';
import { Types } from 'mongoose';
import { tagLegacyTokens } from '../../server/distributions/token-tags.migration';
import { newRandomToken } from '../../server/lib/random-token';
import { ResponseTokenModel } from '../../server/responses/response-token.model';
import { hashResponseToken, issueResponseToken } from '../../server/responses/response-token.service';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { distributionsApi, seedContacts, startRejectingMailbox, type RejectingMailbox } from '../integration/distributions-fixtures';
import { waitUntil } from '../integration/follow-up-fixtures';
import { publishSurvey, validSubmission, type Problem } from '../integration/responses-fixtures';

// Issue 13, medium: an anonymous poster chose the touchpoint (and so which owners were alerted) at will;
// personal links stored their responses with touchpoint null.
let tp: TestPlatform;
let mailbox: RejectingMailbox;
let admin: string;
let survey: { id: string; slug: string; version: number };

beforeAll(async () => {
  mailbox = await startRejectingMailbox();
  tp = await startTestPlatform({ SMTP_URL: mailbox.url, RESPOND_RATE_PER_IP: '100000', RESPOND_RATE_PER_SURVEY: '100000', LOG_LEVEL: 'silent' });
  admin = await tp.login();
  survey = await publishSurvey(tp, admin, undefined, { allowUnsignedTags: false });
  for (const key of ['checkout', 'branch-visit']) {
    expect((await tp.request('/api/touchpoints', { cookie: admin, body: { key, name: key } })).status).toBe(201);
  }
});
afterAll(async () => {
  await tp?.stop();
  await mailbox?.stop();
});

const submit = (body: unknown, slug = survey.slug) => tp.request(`/api/public/surveys/${slug}/responses`, { body, csrf: false });
const invalidNames = (reply: { body: unknown }) => ((reply.body as Problem).invalid_params ?? []).map((param) => param.name).sort();

async function makeLink(surveyId: string, body: object): Promise<SignedSurveyLink> {
  const reply = await tp.request(`/api/surveys/${surveyId}/links`, { cookie: admin, body });
  expect(reply.status, reply.text).toBe(201);
  return signedSurveyLinkSchema.parse(reply.body);
}

function tagsOf(link: SignedSurveyLink) {
  const query = new URL(link.url).searchParams;
  return { touchpoint: query.get('tp') ?? undefined, channel: query.get('ch') ?? undefined, sig: query.get('sig') ?? undefined };
}

describe('anonymous touchpoint and channel', () => {
  it('refuses unsigned tags with a 400 naming them, and stores nothing', async () => {
    const reply = await submit(validSubmission(survey.version, { touchpoint: 'checkout', channel: 'online' }));
    expect(reply.status, reply.text).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(invalidNames(reply)).toEqual(['body.channel', 'body.touchpoint']);
    expect(await ResponseModel.countDocuments({ surveyId: survey.id })).toBe(0);
  });

  it('takes the tags of a link staff made, and only those', async () => {
    const link = await makeLink(survey.id, { touchpoint: 'checkout', channel: 'online' });
    expect(link.url).toBe(`${new URL(link.url).origin}/s/${survey.slug}?tp=checkout&ch=online&sig=${link.sig}`);
    const stored = await submit(validSubmission(survey.version, tagsOf(link)));
    expect(stored.status, stored.text).toBe(201);
    const doc = await ResponseModel.findById((stored.body as { id: string }).id).lean();
    expect(doc).toMatchObject({ touchpoint: 'checkout', channel: 'online' });

    // The signature holds for exactly that survey, touchpoint and channel.
    const moved = await submit(validSubmission(survey.version, { ...tagsOf(link), touchpoint: 'branch-visit' }));
    expect(invalidNames(moved)).toEqual(['body.channel', 'body.touchpoint']);
    const dropped = await submit(validSubmission(survey.version, { ...tagsOf(link), channel: undefined }));
    expect(invalidNames(dropped)).toEqual(['body.touchpoint']);
    const other = await publishSurvey(tp, admin, undefined, { allowUnsignedTags: false });
    const elsewhere = await submit(validSubmission(other.version, tagsOf(link)), other.slug);
    expect(invalidNames(elsewhere)).toEqual(['body.channel', 'body.touchpoint']);
    const alone = await submit(validSubmission(survey.version, { sig: link.sig }));
    expect(invalidNames(alone)).toEqual(['body.sig']);
  });

  it('signs a channel alone, and refuses links for unknown tags, empty links and analysts', async () => {
    const link = await makeLink(survey.id, { channel: 'phone' });
    expect((await submit(validSubmission(survey.version, tagsOf(link)))).status).toBe(201);

    const unknown = await tp.request(`/api/surveys/${survey.id}/links`, { cookie: admin, body: { touchpoint: 'nowhere', channel: 'pigeon' } });
    expect(unknown.status).toBe(400);
    expect(invalidNames(unknown)).toEqual(['body.channel', 'body.touchpoint']);
    expect((await tp.request(`/api/surveys/${survey.id}/links`, { cookie: admin, body: {} })).status).toBe(400);
    expect((await tp.request(`/api/surveys/${survey.id}/links`, { cookie: admin, body: { touchpoint: 'checkout', extra: 1 } })).status).toBe(400);
    expect((await tp.request('/api/surveys/0123456789abcdef01234567/links', { cookie: admin, body: { touchpoint: 'checkout' } })).status).toBe(404);

    const user = { email: 'ana@example.test', name: 'Ana', role: 'analyst', password: 'analyst password 1' };
    expect((await tp.request('/api/users', { cookie: admin, body: user })).status).toBe(201);
    const analyst = await tp.login(user.email, user.password);
    expect((await tp.request(`/api/surveys/${survey.id}/links`, { cookie: analyst, body: { touchpoint: 'checkout' } })).status).toBe(403);
  });

  it('accepts any known tag when the survey allows free choice', async () => {
    const free = await publishSurvey(tp, admin, undefined, { allowUnsignedTags: false });
    const updated = await tp.request(`/api/surveys/${free.id}`, { cookie: admin, method: 'PUT', body: { allowUnsignedTags: true } });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ allowUnsignedTags: true });
    // The open-survey cache keeps the old setting for a few seconds.
    const reply = await waitUntil(
      () => submit(validSubmission(free.version, { touchpoint: 'branch-visit', channel: 'app' }), free.slug),
      (r) => r.status === 201,
      10_000,
    );
    expect(reply.status).toBe(201);
  });
});

describe('personal links', () => {
  it('file the response under their distribution\'s touchpoint and channel', async () => {
    const [contact] = await seedContacts('personal', 1, { segment: 'personal' });
    const api = distributionsApi(tp.request, admin);
    const distributionId = await api.create({
      survey: survey.id,
      touchpoint: 'branch-visit',
      channel: 'on-site',
      audience: { segment: 'personal' },
      schedule: { type: 'once' },
      reminders: { afterDays: 1, max: 0 },
      quarantineDays: 0,
    });
    const [mail] = await mailbox.waitFor(1);
    expect(mail!.to).toContain(contact!.email);
    const stored = await submit(validSubmission(survey.version, { token: mail!.link!.token }));
    expect(stored.status, stored.text).toBe(201);
    expect(await ResponseModel.findById((stored.body as { id: string }).id).lean()).toMatchObject({ touchpoint: 'branch-visit', channel: 'on-site', distributionId: expect.anything() });

    // A token issued before tokens recorded the tags (no such fields): the start-up migration copies its
    // distribution's tags onto it, so the response is filed there too.
    const legacyToken = newRandomToken();
    await ResponseTokenModel.collection.insertOne({
      tokenHash: hashResponseToken(legacyToken),
      surveyId: new Types.ObjectId(survey.id),
      contactId: null,
      distributionId: new Types.ObjectId(distributionId),
      segment: null,
      occurrence: null,
      expiresAt: new Date(Date.now() + 86_400_000),
      usedAt: null,
      submissionId: null,
      responseId: null,
    });
    expect(await tagLegacyTokens()).toBe(1);
    expect(await tagLegacyTokens()).toBe(0);
    const legacy = await submit(validSubmission(survey.version, { token: legacyToken }));
    expect(legacy.status, legacy.text).toBe(201);
    expect(await ResponseModel.findById((legacy.body as { id: string }).id).lean()).toMatchObject({ touchpoint: 'branch-visit', channel: 'on-site' });

    // The link cannot be re-tagged by the request either.
    const { token: another } = await issueResponseToken({ surveyId: survey.id, distributionId, touchpoint: 'branch-visit', expiresAt: new Date(Date.now() + 86_400_000) });
    const retagged = await submit(validSubmission(survey.version, { token: another, touchpoint: 'checkout' }));
    expect(invalidNames(retagged)).toEqual(['body.touchpoint']);
  });
});
