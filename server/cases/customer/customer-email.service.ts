import { formatCaseRef } from '@shared/cases/case-api.schema';
import type { AppContext } from '../../app-context';
import { ContactModel } from '../../contacts/contact.model';
import { sendOnce, type SendOnceResult } from '../../mail/send-once';
import { renderEmail, templateLocaleOf } from '../../mail/templates';
import { ResponseModel } from '../../responses/response.model';
import { TouchpointModel } from '../../touchpoints/touchpoint.model';
import { CaseModel, type CaseRecord } from '../case.model';
import { caseLinkUrl } from './case-link';
import { customerEmailKey, customerEmailKindOf } from './customer-email-kind';

/** Who a case's emails go to, and in which language. */
export interface CaseCustomer {
  email: string;
  name: string | null;
  contactId: CaseRecord['contactId'];
  locale: 'en' | 'zh-CN';
}

/**
 * The case's contact, if it has one with an email. Language: the contact's, else that of the response
 * or complaint the case came from (`origin.responseId`, `origin.locale`), else English.
 */
export async function caseCustomerOf(doc: Pick<CaseRecord, 'contactId' | 'origin'>): Promise<CaseCustomer | null> {
  const contact = doc.contactId ? await ContactModel.findById(doc.contactId, { email: 1, name: 1, locale: 1 }).lean() : null;
  if (!contact?.email) return null;
  let locale = contact.locale ?? null;
  const responseId = doc.origin?.responseId;
  if (!locale && typeof responseId === 'string' && /^[0-9a-f]{24}$/i.test(responseId)) locale = (await ResponseModel.findById(responseId, { locale: 1 }).lean())?.locale ?? null;
  if (!locale && typeof doc.origin?.locale === 'string') locale = doc.origin.locale;
  return { email: contact.email, name: contact.name ?? null, contactId: doc.contactId, locale: templateLocaleOf(locale) };
}

/** The resolution cycle the entry at `index` belongs to: the reopens before it (each starts a cycle). */
export function cycleAt(timeline: CaseRecord['timeline'], index: number): number {
  return timeline.slice(0, index).filter((e) => e.kind === 'moved' && e.data.move === 'reopen').length;
}

export type CustomerEmailOutcome = SendOnceResult | { skipped: 'no-case' | 'no-email-due' | 'no-customer-email' | 'superseded' };

/**
 * Sends the customer email the timeline entry at `index` calls for, once (send-log key per kind, see
 * `customerEmailKey`). Nothing for a case without a contact email; nothing for a resolution since
 * reopened (its question would answer for a resolution that no longer stands).
 */
export async function sendCaseCustomerEmail(ctx: AppContext, number: number, index: number, now = new Date()): Promise<CustomerEmailOutcome> {
  const doc = (await CaseModel.findOne({ number }).lean()) as CaseRecord | null;
  const entry = doc?.timeline[index];
  if (!doc || !entry) return { skipped: 'no-case' };
  const kind = customerEmailKindOf(entry);
  if (!kind) return { skipped: 'no-email-due' };
  const cycle = cycleAt(doc.timeline, index);
  if (kind === 'case-resolved' && cycle !== doc.cycle) return { skipped: 'superseded' };
  const customer = await caseCustomerOf(doc);
  if (!customer) return { skipped: 'no-customer-email' };
  const ref = formatCaseRef(number);
  return sendOnce(
    ctx.mailer,
    { key: customerEmailKey(kind, ref, cycle, index), kind, to: customer.email, contactId: customer.contactId },
    async () => {
      const link = caseLinkUrl(ctx, number, cycle, ctx.config.CASE_LINK_TTL_DAYS, now);
      const touchpoint = (await TouchpointModel.findOne({ key: doc.touchpoint }, { name: 1 }).lean())?.name ?? doc.touchpoint;
      const common = { name: customer.name, caseRef: ref, summary: doc.summary };
      switch (kind) {
        case 'case-acknowledged':
          return renderEmail(kind, customer.locale, { ...common, touchpoint, replyLink: link });
        case 'case-answer':
          return renderEmail(kind, customer.locale, { ...common, message: String(entry.data.text ?? ''), replyLink: link });
        case 'case-resolved':
          return renderEmail(kind, customer.locale, { ...common, feedbackLink: link });
      }
    },
    { leaseMs: ctx.config.SEND_LEASE_MS },
  );
}
