import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContactModel } from '../../server/contacts/contact.model';
import { SendLogModel } from '../../server/mail/send-log.model';
import { unsubscribeToken, unsubscribeUrl } from '../../server/mail/unsubscribe';
import { issueResponseToken } from '../../server/responses/response-token.service';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { parseMail, scoredAnswers, waitUntil, type ParsedMail } from './follow-up-fixtures';
import { publishSurvey, validSubmission, type Problem } from './responses-fixtures';

let tp: TestPlatform;
let survey: { id: string; slug: string; version: number };
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000);

beforeAll(async () => {
  tp = await startTestPlatform({ RESPOND_RATE_PER_IP: '100000' });
  const admin = await tp.login();
  survey = await publishSurvey(tp, admin);
  await tp.request(`/api/surveys/${survey.id}/follow-up-rule`, {
    cookie: admin,
    method: 'PUT',
    body: { enabled: true, when: { npsAtMost: 6 }, acknowledge: true, notifyOwners: false },
  });
});
afterAll(async () => {
  await tp?.stop();
});

/** A low score through a personal link; resolves with the acknowledgement email the contact receives. */
async function lowScoreFrom(email: string): Promise<{ contactId: string; mail: ParsedMail; responseId: string }> {
  const contact = await ContactModel.findOneAndUpdate({ email }, { $setOnInsert: { email, name: 'Customer' } }, { upsert: true, returnDocument: 'after' });
  const { token } = await issueResponseToken({ surveyId: survey.id, contactId: contact._id, expiresAt: inAWeek() });
  const before = tp.mailbox.messages.length;
  const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body: validSubmission(survey.version, { token, answers: scoredAnswers(2) }), csrf: false });
  expect(reply.status).toBe(201);
  const responseId = (reply.body as { id: string }).id;
  const [message] = (await tp.mailbox.waitFor(before + 1)).slice(before);
  return { contactId: contact._id.toString(), mail: parseMail(message!), responseId };
}

/** A request as a browser or a mail provider makes it: no session, no CSRF header. */
const anonymous = (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', ...init });
const unsubscribedAt = async (id: string) => (await ContactModel.findById(id).lean())?.unsubscribedAt ?? null;

describe('unsubscribe without login', () => {
  it('the link in an email shows a confirmation page (GET changes nothing), and its form unsubscribes', async () => {
    const { contactId, mail } = await lowScoreFrom('first.customer@example.test');
    const link = /https?:\/\/\S+\/u\/[A-Za-z0-9._-]+/.exec(mail.text)?.[0];
    expect(link).toBe(unsubscribeUrl(tp.platform.context, contactId));
    expect(mail.html).toContain(`href="${link}"`);

    const page = await anonymous(link!, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<form method="post">');
    expect(html).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(html).toContain('f***@example.test');
    expect(html).not.toContain('first.customer');
    expect(await unsubscribedAt(contactId)).toBeNull();

    // The form as a browser without JavaScript submits it.
    const posted = await anonymous(link!, { method: 'POST', headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('You are unsubscribed.');
    const first = await unsubscribedAt(contactId);
    expect(first).toBeInstanceOf(Date);

    // Idempotent: again, the first time is kept; the page now says so.
    expect((await anonymous(link!, { method: 'POST', headers: { accept: 'text/html' } })).status).toBe(200);
    expect(await unsubscribedAt(contactId)).toEqual(first);
    expect(await (await anonymous(link!)).text()).toContain('already unsubscribed');

    // And no acknowledgement reaches an unsubscribed contact any more.
    const before = tp.mailbox.messages.length;
    const contact = new Types.ObjectId(contactId);
    const { token } = await issueResponseToken({ surveyId: survey.id, contactId: contact, expiresAt: inAWeek() });
    const reply = await tp.request(`/api/public/surveys/${survey.slug}/responses`, { body: validSubmission(survey.version, { token, answers: scoredAnswers(1) }), csrf: false });
    await waitUntil(async () => (await tp.request(`/api/surveys/${survey.id}/responses?followUp=open`, { cookie: await tp.login() })).body as { responses: { id: string; followUp: { status: string } }[] }, (list) =>
      list.responses.some((r) => r.id === (reply.body as { id: string }).id && r.followUp.status === 'open'),
    );
    expect(tp.mailbox.messages.length).toBe(before);
    expect(await SendLogModel.countDocuments({ responseId: (reply.body as { id: string }).id })).toBe(0);
  });

  it('the one-click POST from the List-Unsubscribe header (RFC 8058) unsubscribes', async () => {
    const { contactId, mail } = await lowScoreFrom('second.customer@example.test');
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const target = /^<(https?:\/\/[^>]+)>$/.exec(mail.headers.get('list-unsubscribe') ?? '')?.[1];
    expect(target).toBe(unsubscribeUrl(tp.platform.context, contactId));

    const reply = await anonymous(target!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toEqual({ unsubscribed: true, unsubscribedAt: expect.any(String) });
    expect(await unsubscribedAt(contactId)).toBeInstanceOf(Date);
  });

  it('speaks Chinese to a Chinese browser', async () => {
    const contact = await ContactModel.create({ email: 'zh@example.test', locale: 'zh-CN' });
    const link = unsubscribeUrl(tp.platform.context, contact._id);
    const page = await (await anonymous(link, { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' } })).text();
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('确认退订');
    const done = await anonymous(link, { method: 'POST', headers: { accept: 'text/html', 'accept-language': 'zh-CN' } });
    expect(await done.text()).toContain('您已成功退订');
  });

  it('refuses a forged or altered token, and changes nothing', async () => {
    const victim = await ContactModel.create({ email: 'victim@example.test' });
    const other = await ContactModel.create({ email: 'other@example.test' });
    const valid = unsubscribeToken(tp.platform.context, other._id);
    const mac = valid.split('.')[1]!;
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    const forged = [
      `${victim._id.toString()}.${mac}`, // another contact's signature
      `${other._id.toString()}.${flipped}`, // altered signature
      `${victim._id.toString()}.${'A'.repeat(22)}`,
      victim._id.toString(),
      'not-a-token',
    ];
    for (const token of forged) {
      const post = await anonymous(`${tp.url}/u/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(post.status).toBe(400);
      expect(post.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await post.json()) as Problem).invalid_params?.[0]?.name).toBe('params.token');
      const page = await anonymous(`${tp.url}/u/${token}`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(400);
      expect(await page.text()).toContain('This unsubscribe link is not valid');
    }
    expect(await unsubscribedAt(victim._id.toString())).toBeNull();
    expect(await unsubscribedAt(other._id.toString())).toBeNull();
  });

  it('signs with a key derived from the session secret: another secret makes other links', async () => {
    const id = new Types.ObjectId();
    const token = unsubscribeToken(tp.platform.context, id);
    expect(token).toMatch(new RegExp(`^${id.toString()}\\.[A-Za-z0-9_-]{22}$`));
    const { AuthService } = await import('../../server/auth/auth.service');
    const elsewhere = { auth: new AuthService('another-secret-another-secret-another-1', 60) };
    expect(unsubscribeToken(elsewhere, id)).not.toBe(token);
    expect(unsubscribeToken(tp.platform.context, id)).toBe(token);
  });
});
