import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecordView } from '@shared/cases/case-api.schema';
import type { CustomerCaseView } from '@shared/cases/case-customer.schema';
import { ContactModel } from '../../server/contacts/contact.model';
import { CaseModel } from '../../server/cases/case.model';
import { autoCloseResolvedCases } from '../../server/cases/customer/auto-close.job';
import { reopenOwedCases } from '../../server/cases/customer/case-customer.service';
import { requeueCustomerEmails } from '../../server/cases/customer/customer-email-sweep';
import { caseLinkToken } from '../../server/cases/customer/case-link';
import { caseCustomerEmailJob } from '../../server/cases/customer/customer-email.job';
import { sendCaseCustomerEmail } from '../../server/cases/customer/customer-email.service';
import { SendLogModel } from '../../server/mail/send-log.model';
import { startTestPlatform, type RequestOptions, type TestPlatform } from '../harness/platform';
import { agentWithTeam, caseLinkTokenIn, mailsTo } from './cases-customer-fixtures';
import { move, openCase } from './cases-fixtures';
import { waitUntil } from './follow-up-fixtures';

let tp: TestPlatform;
let agent: { id: string; cookie: string };
let teamId: string;
let addresses = 0;

beforeAll(async () => {
  // Each customer request comes from its own address (X-Forwarded-For) except in the rate-limit test.
  tp = await startTestPlatform({ TRUST_PROXY: '1', CASE_LINK_RATE_PER_IP: '5' });
  ({ agent, teamId } = await agentWithTeam(tp));
});
afterAll(async () => {
  await tp?.stop();
});

/** A customer request through a case link, from an address of its own unless `from` is given. */
const customer = (path: string, init: RequestOptions & { from?: string } = {}) =>
  tp.request(`/api/public/cases/${path}`, { ...init, csrf: false, headers: { 'x-forwarded-for': init.from ?? `10.1.${Math.floor(++addresses / 250)}.${addresses % 250}` } });

async function caseFor(email: string | null, locale: 'en' | 'zh-CN' = 'en'): Promise<CaseRecordView> {
  const contact = email ? await ContactModel.create({ email, name: email.split('@')[0], locale }) : null;
  // Low priority: minutes-long targets, so no SLA timer interferes.
  return openCase(tp.request, agent.cookie, { teamId, priority: 'low', assigneeId: agent.id, ...(contact ? { contactId: contact._id.toString() } : {}) });
}

const stored = async (ref: string) => (await CaseModel.findOne({ number: Number(ref.slice(2)) }).lean())!;

describe('customer emails of a case', () => {
  it('acknowledges, sends each agent message (never a note) and asks on resolution, each once with racing workers and a retried job', async () => {
    const opened = await caseFor('ann@customer.test');
    const ref = opened.ref;
    expect((await move(tp.request, agent.cookie, ref, 'acknowledge')).status).toBe(200);
    expect((await tp.request(`/api/cases/${ref}/notes`, { cookie: agent.cookie, body: { text: 'Internal: card flagged by fraud team' } })).status).toBe(201);
    const sent = await tp.request(`/api/cases/${ref}/messages`, { cookie: agent.cookie, body: { text: 'We have unblocked your card.' } });
    expect(sent.status, sent.text).toBe(201);
    expect((sent.body as CaseRecordView).timeline.at(-1)).toMatchObject({ kind: 'message', by: agent.id, data: { text: 'We have unblocked your card.', emailed: true } });
    expect((await move(tp.request, agent.cookie, ref, 'resolve')).status).toBe(200);

    const mails = await waitUntil(async () => mailsTo(tp.mailbox.messages, 'ann@customer.test'), (m) => m.length === 3);
    expect(mails.map((m) => m.subject).sort()).toEqual([`Re: your case ${ref}`, `We have received your case ${ref}`, `Your case ${ref} is resolved: was it?`].sort());
    const answer = mails.find((m) => m.subject.startsWith('Re:'))!;
    expect(answer.text).toContain('We have unblocked your card.');
    expect(mails.some((m) => m.text.includes('fraud team'))).toBe(false);
    expect(answer.text).toMatch(/\/c\/\d+-0-\d+\./);

    // A second worker racing each email, and each job retried later: the send log lets each out once.
    const doc = await stored(ref);
    const emailing = doc.timeline.flatMap((e, i) => (e.kind === 'message' || (e.kind === 'moved' && ['acknowledge', 'resolve'].includes(String(e.data.move))) ? [i] : []));
    expect(emailing).toHaveLength(3);
    for (const index of emailing) await tp.platform.context.queues.enqueue(caseCustomerEmailJob, { number: doc.number, index }, { jobId: `again-${doc.number}-${index}` });
    const again = await Promise.all(emailing.flatMap((index) => [sendCaseCustomerEmail(tp.platform.context, doc.number, index), sendCaseCustomerEmail(tp.platform.context, doc.number, index)]));
    expect(again.every((r) => 'status' in r && r.status === 'already-sent')).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(mailsTo(tp.mailbox.messages, 'ann@customer.test')).toHaveLength(3);
    const log = await SendLogModel.find({ to: 'ann@customer.test' }).lean();
    expect(log.map((e) => [e.kind, e.status]).sort()).toEqual([['case-acknowledged', 'sent'], ['case-answer', 'sent'], ['case-resolved', 'sent']]);
  });

  it('writes in the contact’s language: a zh-CN contact gets Chinese emails', async () => {
    const opened = await caseFor('wang@customer.test', 'zh-CN');
    expect((await move(tp.request, agent.cookie, opened.ref, 'acknowledge')).status).toBe(200);
    const [mail] = await waitUntil(async () => mailsTo(tp.mailbox.messages, 'wang@customer.test'), (m) => m.length === 1);
    expect(mail!.subject).toBe(`我们已受理您的工单 ${opened.ref}`);
    expect(mail!.text).toContain('wang，您好：');
    expect(mail!.text).toContain('感谢您告诉我们在Branch visit遇到的问题');
  });

  it('sends nothing for a case without a customer address, and the message says it was not emailed', async () => {
    const opened = await caseFor(null);
    await move(tp.request, agent.cookie, opened.ref, 'acknowledge');
    const sent = await tp.request(`/api/cases/${opened.ref}/messages`, { cookie: agent.cookie, body: { text: 'Called you back.' } });
    expect((sent.body as CaseRecordView).timeline.at(-1)?.data).toEqual({ text: 'Called you back.', emailed: false });
    await new Promise((r) => setTimeout(r, 500));
    expect(await SendLogModel.countDocuments({ key: new RegExp(`/${opened.ref}(/|$)`) })).toBe(0);
  });
});

describe('replies through the signed link', () => {
  it('shows the messages (never notes), takes a reply onto the timeline and resumes a case waiting on the customer', async () => {
    const opened = await caseFor('bob@customer.test');
    const ref = opened.ref;
    await move(tp.request, agent.cookie, ref, 'acknowledge');
    await tp.request(`/api/cases/${ref}/notes`, { cookie: agent.cookie, body: { text: 'secret note' } });
    await tp.request(`/api/cases/${ref}/messages`, { cookie: agent.cookie, body: { text: 'Which branch was it?' } });
    expect((await move(tp.request, agent.cookie, ref, 'wait-on-customer')).status).toBe(200);
    const mail = (await waitUntil(async () => mailsTo(tp.mailbox.messages, 'bob@customer.test'), (m) => m.some((x) => x.subject.startsWith('Re:')))).find((m) => m.subject.startsWith('Re:'))!;
    const token = caseLinkTokenIn(mail);

    const page = await customer(token);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ ref, open: true, feedbackAsked: false, messages: [{ from: 'agent', text: 'Which branch was it?' }] });
    expect(page.text).not.toContain('secret note');

    const replied = await customer(`${token}/replies`, { body: { text: 'The one on Main Street.' } });
    expect(replied.status, replied.text).toBe(201);
    expect((replied.body as CustomerCaseView).messages.map((m) => m.from)).toEqual(['agent', 'customer']);
    const after = (await tp.request(`/api/cases/${ref}`, { cookie: agent.cookie })).body as CaseRecordView;
    expect(after.status).toBe('acknowledged');
    expect(after.paused).toBe(false);
    const [reply, resumed] = after.timeline.slice(-2);
    expect(reply).toMatchObject({ kind: 'customer-reply', by: null, data: { text: 'The one on Main Street.' } });
    expect(resumed).toMatchObject({ kind: 'moved', by: null, data: { move: 'resume', from: 'waiting-on-customer', to: 'acknowledged', onBehalfOf: 'customer' } });

    // A reply to a case not waiting is stored and moves nothing.
    expect((await customer(`${token}/replies`, { body: { text: 'Also: thanks!' } })).status).toBe(201);
    expect((await stored(ref)).status).toBe('acknowledged');
  });

  it('refuses a tampered link with 403 and an expired one with 410, storing nothing', async () => {
    const opened = await caseFor('eve@customer.test');
    const number = Number(opened.ref.slice(2));
    const good = caseLinkToken(tp.platform.context, number, 0, new Date(Date.now() + 3600_000));
    const tampered = good.replace(/^(\d+)-/, (_m, n: string) => `${Number(n) + 1}-`);
    const expired = caseLinkToken(tp.platform.context, number, 0, new Date(Date.now() - 1000));
    const before = (await stored(opened.ref)).timeline.length;
    for (const [token, status] of [[tampered, 403], [`${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`, 403], ['not-a-token', 403], [expired, 410]] as const) {
      const read = await customer(token);
      expect(read.status, token).toBe(status);
      expect(read.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await customer(`${token}/replies`, { body: { text: 'hi' } })).status).toBe(status);
      expect((await customer(`${token}/resolution-feedback`, { body: { resolved: false, csat: 1 } })).status).toBe(status);
    }
    expect((await stored(opened.ref)).timeline).toHaveLength(before);
    // The page itself answers a person's browser with a small page and the same status.
    const html = await fetch(`${tp.url}/c/${tampered}`, { headers: { accept: 'text/html', 'x-forwarded-for': '10.9.9.1' } });
    expect(html.status).toBe(403);
    expect(await html.text()).toContain('This case link is not valid.');
    const gone = await fetch(`${tp.url}/c/${expired}`, { headers: { accept: 'text/html', 'accept-language': 'zh-CN', 'x-forwarded-for': '10.9.9.2' } });
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('此工单链接已过期');
    expect((await customer(good, { body: { text: '' }, method: 'POST' })).status).toBe(404);
    expect((await customer(`${good}/replies`, { body: { text: 'x', extra: 1 } })).status).toBe(400);
  });

  it('rate-limits case links per address', async () => {
    const opened = await caseFor('flood@customer.test');
    const token = caseLinkToken(tp.platform.context, Number(opened.ref.slice(2)), 0, new Date(Date.now() + 3600_000));
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await customer(token, { from: '10.200.0.1' })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect((await customer(token, { from: '10.200.0.2' })).status).toBe(200);
  });
});

describe('was this resolved?', () => {
  it('"no" reopens the case on the customer’s behalf; a second answer is 409; "yes" on the next resolution stores the CSAT', async () => {
    const opened = await caseFor('carol@customer.test');
    const ref = opened.ref;
    await move(tp.request, agent.cookie, ref, 'acknowledge');
    expect((await move(tp.request, agent.cookie, ref, 'resolve')).status).toBe(200);
    const first = (await waitUntil(async () => mailsTo(tp.mailbox.messages, 'carol@customer.test'), (m) => m.some((x) => x.subject.includes('resolved')))).find((m) => m.subject.includes('resolved'))!;
    const token = caseLinkTokenIn(first);
    expect((await customer(token)).body).toMatchObject({ open: false, feedbackAsked: true, feedbackGiven: false });
    expect((await customer(`${token}/replies`, { body: { text: 'hello?' } })).status).toBe(409);
    expect((await customer(`${token}/resolution-feedback`, { body: { resolved: false, csat: 6 } })).status).toBe(400);

    const no = await customer(`${token}/resolution-feedback`, { body: { resolved: false, csat: 2, comment: 'The card still does not work.' } });
    expect(no.status, no.text).toBe(201);
    expect(no.body).toMatchObject({ open: true, feedbackAsked: false, feedbackGiven: true });
    let view = (await tp.request(`/api/cases/${ref}`, { cookie: agent.cookie })).body as CaseRecordView;
    expect(view.status).toBe('investigating');
    expect(view.timeline.slice(-2)).toMatchObject([
      { kind: 'resolution-feedback', by: null, data: { resolved: false, csat: 2, comment: 'The card still does not work.', cycle: 0 } },
      { kind: 'moved', by: null, data: { move: 'reopen', from: 'resolved', to: 'investigating', onBehalfOf: 'customer' } },
    ]);
    expect(await stored(ref)).toMatchObject({ resolvedConfirmed: false, handlingCsat: 2, feedbackCycle: 0, cycle: 1 });
    const twice = await customer(`${token}/resolution-feedback`, { body: { resolved: true, csat: 5 } });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'feedback-given' });

    // The next resolution asks again through a new link; the old one cannot answer it.
    expect((await move(tp.request, agent.cookie, ref, 'resolve')).status).toBe(200);
    const second = (await waitUntil(async () => mailsTo(tp.mailbox.messages, 'carol@customer.test'), (m) => m.filter((x) => x.subject.includes('resolved')).length === 2)).filter((m) => m.subject.includes('resolved'))[1]!;
    const next = caseLinkTokenIn(second);
    expect(next).toMatch(/^\d+-1-/);
    expect((await customer(`${token}/resolution-feedback`, { body: { resolved: true, csat: 5 } })).status).toBe(409);
    const yes = await customer(`${next}/resolution-feedback`, { body: { resolved: true, csat: 5 } });
    expect(yes.status, yes.text).toBe(201);
    expect(yes.body).toMatchObject({ open: false, feedbackAsked: false, feedbackGiven: true });
    view = (await tp.request(`/api/cases/${ref}`, { cookie: agent.cookie })).body as CaseRecordView;
    expect(view.status).toBe('resolved');
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'resolution-feedback', data: { resolved: true, csat: 5, cycle: 1 } });
    expect(await stored(ref)).toMatchObject({ resolvedConfirmed: true, handlingCsat: 5, feedbackCycle: 1 });
    expect((await customer(`${next}/resolution-feedback`, { body: { resolved: false, csat: 1 } })).status).toBe(409);
  });

  it('queues again a customer email whose enqueue was lost, once, and never one already sent', async () => {
    const opened = await caseFor('lost-enqueue@customer.test');
    expect((await move(tp.request, agent.cookie, opened.ref, 'acknowledge')).status).toBe(200);
    await waitUntil(async () => mailsTo(tp.mailbox.messages, 'lost-enqueue@customer.test'), (m) => m.length === 1);
    // An agent's message stored while Redis was away: on the timeline, never queued.
    const text = 'Your replacement card is on its way.';
    await CaseModel.updateOne({ number: Number(opened.ref.slice(2)) }, { $push: { timeline: { at: new Date(), by: agent.id, kind: 'message', data: { text } } } });
    expect((await requeueCustomerEmails(tp.platform.context, 0)).requeued).toBe(1);
    const mails = await waitUntil(async () => mailsTo(tp.mailbox.messages, 'lost-enqueue@customer.test'), (m) => m.some((x) => x.text.includes(text)));
    expect(mails.filter((x) => x.text.includes(text))).toHaveLength(1);
    // Sent (or still queued): nothing more to do, however often the upkeep runs.
    expect((await requeueCustomerEmails(tp.platform.context, 0)).requeued).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(tp.mailbox.messages, 'lost-enqueue@customer.test')).toHaveLength(2);
  });

  it('a "no" stored without its reopen (a crash between the writes) is reopened once: by the upkeep sweep, or by the answer sent again', async () => {
    // What answerResolution's first write leaves when the process dies before the reopen.
    const noReopen = async (ref: string) => {
      const number = Number(ref.slice(2));
      await CaseModel.updateOne(
        { number },
        { $set: { resolvedConfirmed: false, handlingCsat: 1, feedbackCycle: 0 }, $push: { timeline: { at: new Date(), by: null, kind: 'resolution-feedback', data: { resolved: false, csat: 1, cycle: 0 } } } },
      );
    };
    const swept = await caseFor('no-sweep@customer.test');
    const retried = await caseFor('no-retry@customer.test');
    for (const { ref } of [swept, retried]) {
      expect((await move(tp.request, agent.cookie, ref, 'resolve')).status).toBe(200);
      await noReopen(ref);
    }
    const yesAnswered = await caseFor(null);
    await move(tp.request, agent.cookie, yesAnswered.ref, 'resolve');
    await CaseModel.updateOne({ number: Number(yesAnswered.ref.slice(2)) }, { $set: { resolvedConfirmed: true, feedbackCycle: 0 } });

    // The customer sends the answer again (the first reply never reached them): it completes the reopen.
    const mail = (await waitUntil(async () => mailsTo(tp.mailbox.messages, 'no-retry@customer.test'), (m) => m.some((x) => x.subject.includes('resolved')))).find((m) => m.subject.includes('resolved'))!;
    const again = await customer(`${caseLinkTokenIn(mail)}/resolution-feedback`, { body: { resolved: true, csat: 5 } });
    expect(again.status, again.text).toBe(201);
    expect(again.body).toMatchObject({ open: true, feedbackGiven: true });
    expect(await stored(retried.ref)).toMatchObject({ status: 'investigating', cycle: 1, resolvedConfirmed: false, handlingCsat: 1 });

    // The sweep reopens the other, once, and leaves a confirmed resolution alone.
    const first = await reopenOwedCases(tp.platform.context);
    expect(first.reopened).toContain(swept.ref);
    expect(first.reopened).not.toContain(yesAnswered.ref);
    expect((await reopenOwedCases(tp.platform.context)).reopened).toEqual([]);
    const view = (await tp.request(`/api/cases/${swept.ref}`, { cookie: agent.cookie })).body as CaseRecordView;
    expect(view.status).toBe('investigating');
    expect(view.timeline.filter((e) => e.kind === 'moved' && e.data.move === 'reopen')).toEqual([
      expect.objectContaining({ by: null, data: expect.objectContaining({ onBehalfOf: 'customer' }) }),
    ]);
    expect((await stored(yesAnswered.ref)).status).toBe('resolved');
  });

  it('closes a resolved case by itself after CASE_AUTO_CLOSE_DAYS, not before, and leaves working cases alone', async () => {
    const resolved = await caseFor(null);
    const working = await caseFor(null);
    await move(tp.request, agent.cookie, resolved.ref, 'resolve');
    await move(tp.request, agent.cookie, working.ref, 'acknowledge');
    const day = 24 * 3600 * 1000;
    expect((await autoCloseResolvedCases(tp.platform.context, 7, new Date(Date.now() + 6 * day))).closed).not.toContain(resolved.ref);
    expect((await autoCloseResolvedCases(tp.platform.context, 0, new Date(Date.now() + 30 * day))).closed).toEqual([]);
    const { closed } = await autoCloseResolvedCases(tp.platform.context, 7, new Date(Date.now() + 7 * day + 1000));
    expect(closed).toContain(resolved.ref);
    expect(closed).not.toContain(working.ref);
    const view = (await tp.request(`/api/cases/${resolved.ref}`, { cookie: agent.cookie })).body as CaseRecordView;
    expect(view.status).toBe('closed');
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'moved', by: null, data: { move: 'close', from: 'resolved', to: 'closed' } });
    expect(view.timeline.at(-1)?.data).not.toHaveProperty('onBehalfOf');
    expect((await stored(working.ref)).status).toBe('acknowledged');
  });
});
