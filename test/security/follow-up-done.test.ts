import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_RULE } from '@shared/follow-up/follow-up-rule.schema';
import { markFollowUpPending } from '../../server/follow-up/follow-up.service';
import { ResponseModel } from '../../server/responses/response.model';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { publishSurvey, validSubmission } from '../integration/responses-fixtures';

// Issue 13, low: an analyst could close a follow-up whose alerts were still pending, cancelling them.
// Since issue 14 no one closes a flag by hand (follow-ups are cases): the route answers 410.
let tp: TestPlatform;
let analyst: string;
let survey: { id: string; slug: string; version: number };

beforeAll(async () => {
  tp = await startTestPlatform({ RESPOND_RATE_PER_IP: '100000' });
  const admin = await tp.login();
  const user = { email: 'analyst@example.test', name: 'Ana Lyst', password: 'analyst-password-1', role: 'analyst' };
  expect((await tp.request('/api/users', { cookie: admin, body: user })).status).toBe(201);
  analyst = await tp.login(user.email, user.password);
  survey = await publishSurvey(tp, admin);
});
afterAll(async () => {
  await tp?.stop();
});

describe('closing a follow-up', () => {
  it('refuses pending → done (410, follow-ups are cases) and leaves the alerts due', async () => {
    const posted = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body: validSubmission(survey.version, { submissionId: randomUUID() }) });
    expect(posted.status, posted.text).toBe(201);
    const id = (posted.body as { id: string }).id;
    await markFollowUpPending(new Types.ObjectId(id), DEFAULT_FOLLOW_UP_RULE, [{ metric: 'nps', value: 3, atMost: 6 }]);
    const refused = await tp.request(`/api/responses/${id}/follow-up/done`, { cookie: analyst, method: 'POST' });
    expect(refused.status, refused.text).toBe(410);
    expect(refused.body).toMatchObject({ code: 'follow-up-is-a-case' });
    const stored = await ResponseModel.findById(id, { followUp: 1 }).lean();
    expect((stored?.followUp as { status: string } | null)?.status).toBe('pending');
  });
});
