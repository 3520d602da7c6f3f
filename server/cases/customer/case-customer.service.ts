import { formatCaseRef, type CaseRecordView } from '@shared/cases/case-api.schema';
import type { CustomerCaseView, CustomerReply, ResolutionFeedback } from '@shared/cases/case-customer.schema';
import type { AppContext } from '../../app-context';
import { Conflict, Forbidden, Gone, NotFound } from '../../lib/errors';
import { afterCaseChanged } from '../case-events';
import { CaseModel, type CaseRecord } from '../case.model';
import { appendCaseEntry, findVisibleCase, moveEachCase, toCaseView, transitionCase, type Actor } from '../case.service';
import { verifyCaseLinkToken, type CaseLink } from './case-link';
import { caseCustomerOf } from './customer-email.service';

const FINISHED = ['resolved', 'closed'] as const;
const isFinished = (doc: Pick<CaseRecord, 'status'>) => (FINISHED as readonly string[]).includes(doc.status);

/**
 * A message from an agent to the customer: a `message` entry (emailed by the case consumer), unlike an
 * internal note. `emailed` says on the timeline whether the case has a customer address to send it to.
 */
export async function addCaseMessage(ctx: AppContext, ref: string, text: string, actor: Actor): Promise<CaseRecordView> {
  const doc = await findVisibleCase(actor, ref);
  const customer = await caseCustomerOf(doc);
  const updated = await appendCaseEntry(ctx, doc.number, actor.id, 'message', { text, emailed: customer !== null });
  if (!updated) throw new NotFound(`There is no case ${ref}.`);
  return toCaseView(updated);
}

/** The link's case: 403 for a link this server did not sign, 410 for one that ran out or a case since erased. */
export async function caseOfLink(ctx: AppContext, token: string, now: Date): Promise<{ link: CaseLink; doc: CaseRecord }> {
  const check = verifyCaseLinkToken(ctx, token, now);
  if (!check.ok) {
    if (check.reason === 'expired') throw new Gone('This case link has expired; the latest email about your case has a fresh one.');
    throw new Forbidden('This case link is not valid.');
  }
  const doc = (await CaseModel.findOne({ number: check.link.number }).lean()) as CaseRecord | null;
  if (!doc) throw new Gone('This case is no longer available.');
  return { link: check.link, doc };
}

/** Whether the resolution the link was sent for was answered already. */
const feedbackGivenFor = (doc: CaseRecord, link: CaseLink) => doc.feedbackCycle === link.cycle;

/** What the customer's page shows: the messages both ways (never internal notes), and whether to ask. */
export function toCustomerView(doc: CaseRecord, link: CaseLink): CustomerCaseView {
  const given = feedbackGivenFor(doc, link);
  return {
    ref: formatCaseRef(doc.number),
    summary: doc.summary,
    open: !isFinished(doc),
    feedbackAsked: isFinished(doc) && doc.cycle === link.cycle && !given,
    feedbackGiven: given,
    messages: doc.timeline.flatMap((e) =>
      e.kind === 'message' || e.kind === 'customer-reply' ? [{ at: e.at.toISOString(), from: e.kind === 'message' ? ('agent' as const) : ('customer' as const), text: String(e.data.text ?? '') }] : [],
    ),
  };
}

export async function readCustomerCase(ctx: AppContext, token: string, now = new Date()): Promise<CustomerCaseView> {
  const { link, doc } = await caseOfLink(ctx, token, now);
  return toCustomerView(doc, link);
}

/**
 * The customer's answer through the link: a `customer-reply` entry; a case waiting on the customer
 * resumes (its clocks run again), by the system on the customer's behalf. A finished case takes no
 * replies (409): its page asks "was this resolved?", and a "no" reopens it.
 */
export async function addCustomerReply(ctx: AppContext, token: string, body: CustomerReply, now = new Date()): Promise<CustomerCaseView> {
  const { link, doc } = await caseOfLink(ctx, token, now);
  if (isFinished(doc)) throw new Conflict('This case is resolved; tell us whether it was, and a "no" reopens it.', 'case-finished');
  const updated = await appendCaseEntry(ctx, doc.number, null, 'customer-reply', { text: body.text });
  if (!updated) throw new Gone('This case is no longer available.');
  if (updated.status !== 'waiting-on-customer') return toCustomerView(updated, link);
  try {
    await transitionCase(ctx, formatCaseRef(doc.number), 'resume', 'customer', undefined, now);
  } catch (error) {
    // An agent moved the case at the same moment: the reply is stored, and the case is no longer waiting.
    if (!(error instanceof Conflict)) throw error;
  }
  return toCustomerView((await CaseModel.findOne({ number: doc.number }).lean()) as CaseRecord, link);
}

/**
 * "Was this resolved?" with the CSAT on the handling, once per resolution cycle (a second answer, or one
 * from the link of an earlier resolution, is a 409). Stores `resolvedConfirmed` and `handlingCsat` on the
 * case and a `resolution-feedback` entry; a "no" then reopens the case on the customer's behalf.
 */
export async function answerResolution(ctx: AppContext, token: string, body: ResolutionFeedback, now = new Date()): Promise<CustomerCaseView> {
  const { link, doc } = await caseOfLink(ctx, token, now);
  const feedback = { at: now, by: null, kind: 'resolution-feedback', data: { resolved: body.resolved, csat: body.csat, cycle: link.cycle, ...(body.comment ? { comment: body.comment } : {}) } };
  const updated = (await CaseModel.findOneAndUpdate(
    { number: doc.number, cycle: link.cycle, status: { $in: FINISHED }, feedbackCycle: { $ne: link.cycle } },
    { $set: { resolvedConfirmed: body.resolved, handlingCsat: body.csat, feedbackCycle: link.cycle }, $push: { timeline: feedback } },
    { returnDocument: 'after' },
  ).lean()) as CaseRecord | null;
  if (!updated) {
    const current = ((await CaseModel.findOne({ number: doc.number }, { timeline: 0 }).lean()) as CaseRecord | null) ?? doc;
    // A "no" stored without its reopen (the process died between the two writes): the answer sent
    // again completes it, as the upkeep sweep would.
    if (owesReopen(current)) return reopenForCustomer(ctx, current, link, now);
    if (current.feedbackCycle === link.cycle) throw new Conflict('You have already answered for this resolution; thank you.', 'feedback-given');
    if (current.cycle !== link.cycle) throw new Conflict('This case was reopened since this email; the next resolution will ask again.', 'resolution-superseded');
    throw new Conflict('This case is not resolved yet.', 'case-not-resolved');
  }
  await afterCaseChanged(ctx, updated);
  if (body.resolved) return toCustomerView(updated, link);
  return reopenForCustomer(ctx, updated, link, now);
}

/** A "no" is stored for the current cycle and the case is still finished: the reopen it asks for is owed. */
const owesReopen = (doc: Pick<CaseRecord, 'resolvedConfirmed' | 'feedbackCycle' | 'cycle' | 'status'>) =>
  doc.resolvedConfirmed === false && doc.feedbackCycle === doc.cycle && isFinished(doc);

/** Reopens on the customer's behalf after their "no"; a racing reopen (the sweep, a second answer) already did it. */
async function reopenForCustomer(ctx: AppContext, doc: CaseRecord, link: CaseLink, now: Date): Promise<CustomerCaseView> {
  try {
    await transitionCase(ctx, formatCaseRef(doc.number), 'reopen', 'customer', undefined, now);
  } catch (error) {
    const current = (await CaseModel.findOne({ number: doc.number }, { cycle: 1 }).lean()) as Pick<CaseRecord, 'cycle'> | null;
    if (!(error instanceof Conflict) || !current || current.cycle === doc.cycle) throw error;
  }
  return toCustomerView((await CaseModel.findOne({ number: doc.number }).lean()) as CaseRecord, link);
}

/**
 * Reopens the cases whose customer said "no" but which stayed finished (the process died between
 * storing the answer and reopening). Run by the case upkeep job; a case moved meanwhile is skipped.
 */
export async function reopenOwedCases(ctx: AppContext, now = new Date()): Promise<{ reopened: string[] }> {
  const owed = (await CaseModel.find({ resolvedConfirmed: false, status: { $in: FINISHED }, $expr: { $eq: ['$feedbackCycle', '$cycle'] } }, { number: 1 }).limit(500).lean()) as Array<Pick<CaseRecord, 'number'>>;
  return { reopened: await moveEachCase(ctx, owed.map((c) => c.number), 'reopen', 'customer', now) };
}
