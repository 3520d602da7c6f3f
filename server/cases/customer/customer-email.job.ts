import { z } from 'zod';
import { defineJob, type AppContext } from '../../app-context';
import type { CaseConsumer } from '../case-events';
import { customerEmailKindOf } from './customer-email-kind';
import { sendCaseCustomerEmail } from './customer-email.service';

/** Sends the customer email one timeline entry of a case calls for; payload ids only, reloaded here. */
export const caseCustomerEmailJob = defineJob({
  queue: 'case-customer-email',
  payload: z.object({ number: z.number().int().min(1), index: z.number().int().min(0) }).strict(),
  handle: ({ number, index }, ctx) => sendCaseCustomerEmail(ctx, number, index),
});

/** One job per case and timeline entry, however often the change is told (consumers may run twice). */
export const caseCustomerEmailJobId = (number: number, index: number) => `case-customer-email-${number}-${index}`;

/**
 * Queues the customer's acknowledgement, answer and resolution emails as cases change (never SMTP in
 * the request). A case without a contact queues nothing.
 */
export const caseCustomerEmails: CaseConsumer = {
  name: 'case-customer-emails',
  changed: async (ctx: AppContext, { case: doc, entry, index }) => {
    if (!doc.contactId || !customerEmailKindOf(entry)) return;
    // The change is stored: a lost enqueue must not fail it. The case upkeep job queues the email again.
    await ctx.queues
      .enqueue(caseCustomerEmailJob, { number: doc.number, index }, { jobId: caseCustomerEmailJobId(doc.number, index) })
      .catch((err: unknown) => ctx.logger.warn({ err, number: doc.number, index }, 'could not queue a customer email; the case upkeep job will queue it'));
  },
};
