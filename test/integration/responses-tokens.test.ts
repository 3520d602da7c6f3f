import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseList } from '@shared/responses/response-list.schema';
import { hashResponseToken, issueResponseToken } from '../../server/responses/response-token.service';
import { ResponseTokenModel } from '../../server/responses/response-token.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey, validSubmission, type Problem } from './responses-fixtures';

let tp: TestPlatform;
let admin: string;
let survey: { id: string; slug: string; version: number };
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000);

beforeAll(async () => {
  tp = await startTestPlatform({ RESPOND_RATE_PER_IP: '100000' });
  admin = await tp.login();
  survey = await publishSurvey(tp, admin);
});
afterAll(async () => {
  await tp?.stop();
});

const submit = (body: unknown) => tp.request(`/api/public/surveys/${survey.slug}/responses`, { body, csrf: false });

async function storedResponse(id: string) {
  const list = (await tp.request(`/api/surveys/${survey.id}/responses?limit=500`, { cookie: admin })).body as ResponseList;
  return list.responses.find((response) => response.id === id);
}

describe('personal tokens', () => {
  it('stores only a hash, links the response to its contact and distribution, and answers once', async () => {
    const contactId = new Types.ObjectId();
    const distributionId = new Types.ObjectId();
    const { token } = await issueResponseToken({ surveyId: survey.id, contactId, distributionId, occurrence: '2025-06', expiresAt: inAWeek() });
    expect(await ResponseTokenModel.countDocuments({ tokenHash: token })).toBe(0);
    expect(await ResponseTokenModel.countDocuments({ tokenHash: hashResponseToken(token) })).toBe(1);

    const first = await submit(validSubmission(survey.version, { token }));
    expect(first.status).toBe(201);
    const { id } = first.body as { id: string };
    expect(await storedResponse(id)).toMatchObject({ contactId: contactId.toString(), distributionId: distributionId.toString() });
    const claimed = await ResponseTokenModel.findOne({ tokenHash: hashResponseToken(token) }).lean();
    expect(claimed?.usedAt).toBeInstanceOf(Date);
    expect(claimed?.responseId?.toString()).toBe(id);

    const second = await submit(validSubmission(survey.version, { token }));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'token-used', detail: expect.stringMatching(/already been used/) });
  });

  it('lets the submission that used a token retry and get its own id back', async () => {
    const { token } = await issueResponseToken({ surveyId: survey.id, expiresAt: inAWeek() });
    const body = validSubmission(survey.version, { token });
    const first = await submit(body);
    const retries = await Promise.all([submit(body), submit(body)]);
    expect(first.status).toBe(201);
    expect(retries.map((reply) => [reply.status, reply.body])).toEqual([
      [200, first.body],
      [200, first.body],
    ]);
  });

  it('only one of many concurrent submissions with one token is stored', async () => {
    const { token } = await issueResponseToken({ surveyId: survey.id, expiresAt: inAWeek() });
    const replies = await Promise.all(Array.from({ length: 8 }, () => submit(validSubmission(survey.version, { token }))));
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
  });

  it('refuses an expired token with 410, and a token of another survey or an unknown one with 400', async () => {
    const expired = await issueResponseToken({ surveyId: survey.id, expiresAt: new Date(Date.now() - 1000) });
    const reply = await submit(validSubmission(survey.version, { token: expired.token }));
    expect(reply.status).toBe(410);
    expect((reply.body as Problem).code).toBe('token-expired');

    const other = await issueResponseToken({ surveyId: new Types.ObjectId(), expiresAt: inAWeek() });
    const unknown = 'A'.repeat(43);
    for (const token of [other.token, unknown]) {
      const refused = await submit(validSubmission(survey.version, { token }));
      expect(refused.status).toBe(400);
      expect((refused.body as Problem).invalid_params?.map((param) => param.name)).toEqual(['body.token']);
    }
    expect((await submit(validSubmission(survey.version, { token: 'short' }))).status).toBe(400);
  });

  it('gives the token back when the response cannot be stored under it', async () => {
    const { token } = await issueResponseToken({ surveyId: survey.id, expiresAt: inAWeek() });
    // The submissionId is taken by an earlier response without the token, so nothing new is stored...
    const taken = validSubmission(survey.version);
    expect((await submit(taken)).status).toBe(201);
    const reuse = await submit({ ...taken, token });
    expect(reuse.status).toBe(200);
    // ...and the token is free again for the customer's real answer.
    expect((await ResponseTokenModel.findOne({ tokenHash: hashResponseToken(token) }).lean())?.usedAt).toBeNull();
    expect((await submit(validSubmission(survey.version, { token }))).status).toBe(201);
  });

  it('does not answer a token of an invalid submission', async () => {
    const { token } = await issueResponseToken({ surveyId: survey.id, expiresAt: inAWeek() });
    expect((await submit(validSubmission(survey.version, { token, answers: { recommend: 3 } }))).status).toBe(400);
    expect((await ResponseTokenModel.findOne({ tokenHash: hashResponseToken(token) }).lean())?.usedAt).toBeNull();
  });
});
