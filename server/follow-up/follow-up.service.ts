import { UnrecoverableError } from 'bullmq';
import type { Types } from 'mongoose';
import { describeFollowUpReasons } from '@shared/follow-up/follow-up-match';
import type { FollowUpReason, FollowUpRule, ResponseFollowUp } from '@shared/follow-up/follow-up-rule.schema';
import type { AppContext } from '../app-context';
import { ContactModel } from '../contacts/contact.model';
import { Conflict, NotFound } from '../lib/errors';
import { sendOnce } from '../mail/send-once';
import { renderEmail, templateLocaleOf } from '../mail/templates';
import { SERVER_TEXT } from '../mail/text-defaults';
import { listUnsubscribeHeaders, unsubscribeUrl } from '../mail/unsubscribe';
import {
  closeFollowUp,
  followUpOf,
  markFollowUpOpen,
  markForFollowUp,
  toResponseFollowUp,
  type AlertOutcome,
  type FollowUpAlerts,
  type OwnersSkipped,
  type StoredFollowUp,
} from '../responses/response-follow-up.service';
import { findResponse } from '../responses/response.service';
import { SurveyModel } from '../surveys/survey.model';
import { TouchpointModel } from '../touchpoints/touchpoint.model';

/**
 * Marks a matched response `pending` (its alerts are due), written before the job is enqueued so the
 * sweep finds it if the enqueue is lost. True when the alerts are still due (newly marked, or a
 * resubmission of one whose alerts have not run).
 */
export async function markFollowUpPending(responseId: Types.ObjectId, rule: FollowUpRule, reasons: FollowUpReason[]): Promise<boolean> {
  const mark: StoredFollowUp = {
    status: 'pending',
    reason: describeFollowUpReasons(reasons),
    reasons,
    matchedAt: new Date(),
    acknowledge: rule.acknowledge,
    notifyOwners: rule.notifyOwners,
    alerts: null,
    doneAt: null,
    doneBy: null,
  };
  return markForFollowUp(responseId, mark);
}

/** Where staff see a response: the survey's responses on the dashboard. */
export function responseLinkOf(ctx: Pick<AppContext, 'publicUrl'>, surveyId: Types.ObjectId, responseId: Types.ObjectId): string {
  return `${ctx.publicUrl.replace(/\/+$/, '')}/dashboard?survey=${surveyId.toString()}&response=${responseId.toString()}`;
}

const formatTime = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Sends a pending follow-up's emails, each at most once (send-log keys per response and recipient),
 * then marks it `open`. A permanent rejection of one address does not hold up the others; a transient
 * error is rethrown after every recipient was tried, so the job retries only what did not go out.
 */
export async function sendFollowUpAlerts(ctx: AppContext, responseId: string): Promise<{ skipped: string } | FollowUpAlerts> {
  const response = await findResponse(responseId);
  const mark = response ? followUpOf(response) : null;
  if (!response || !mark) return { skipped: 'not-marked' };
  if (mark.status !== 'pending') return { skipped: mark.status };

  const [survey, touchpoint, contact] = await Promise.all([
    SurveyModel.findById(response.surveyId, { title: 1 }).lean(),
    response.touchpoint ? TouchpointModel.findOne({ key: response.touchpoint }, { name: 1, owners: 1 }).lean() : null,
    response.contactId ? ContactModel.findById(response.contactId).lean() : null,
  ]);
  const flagged = response.flags.length > 0;
  const touchpointName = touchpoint?.name ?? response.touchpoint ?? '';
  let transient: unknown;
  const attempt = async (send: () => Promise<{ status: string }>): Promise<AlertOutcome> => {
    try {
      return (await send()).status === 'failed-before' ? 'failed' : 'sent';
    } catch (error) {
      if (error instanceof UnrecoverableError) return 'failed';
      transient ??= error;
      return 'failed';
    }
  };

  let ack: AlertOutcome = 'off';
  if (mark.acknowledge) {
    if (flagged) ack = 'flagged';
    else if (!contact) ack = 'no-contact';
    else if (contact.unsubscribedAt) ack = 'unsubscribed';
    else {
      const locale = templateLocaleOf(contact.locale ?? response.locale);
      ack = await attempt(() =>
        sendOnce(
          ctx.mailer,
          { key: `follow-up-ack/${responseId}`, kind: 'follow-up-ack', to: contact.email, contactId: contact._id, responseId: response._id },
          async () => {
            const unsubscribeLink = unsubscribeUrl(ctx, contact._id);
            const rendered = await renderEmail('follow-up-ack', locale, {
              name: contact.name,
              email: contact.email,
              surveyTitle: survey?.title ?? '',
              touchpoint: touchpointName,
              unsubscribeLink,
            });
            return { ...rendered, headers: listUnsubscribeHeaders(unsubscribeLink) };
          },
          { leaseMs: ctx.config.SEND_LEASE_MS },
        ),
      );
    }
  }

  const owners: Record<string, AlertOutcome> = {};
  if (mark.notifyOwners && !flagged) {
    const locale = ctx.config.STAFF_MAIL_LOCALE;
    const vars = {
      name: contact?.name ?? SERVER_TEXT[locale].anonymousCustomer,
      email: contact?.email ?? '',
      surveyTitle: survey?.title ?? '',
      touchpoint: touchpointName,
      responseLink: responseLinkOf(ctx, response.surveyId, response._id),
      reason: describeFollowUpReasons(mark.reasons ?? [], locale) || mark.reason,
      score: mark.reasons?.[0]?.value ?? '',
      submittedAt: formatTime(response.submittedAt),
    };
    for (const owner of new Set((touchpoint?.owners ?? []).map((o) => o.trim().toLowerCase()).filter(Boolean))) {
      owners[owner] = await attempt(() =>
        sendOnce(
          ctx.mailer,
          { key: `follow-up-owner/${responseId}/${owner}`, kind: 'follow-up-owner', to: owner, responseId: response._id },
          () => renderEmail('follow-up-owner', locale, vars),
          { leaseMs: ctx.config.SEND_LEASE_MS },
        ),
      );
    }
  }
  if (transient) throw transient;

  const ownersSkipped: OwnersSkipped = !mark.notifyOwners ? 'off' : flagged ? 'flagged' : !touchpoint ? 'no-touchpoint' : Object.keys(owners).length === 0 ? 'no-owners' : null;
  const alerts = { ack, owners, ownersSkipped };
  await markFollowUpOpen(response._id, alerts);
  return alerts;
}

/**
 * Staff reached back to the customer (or decided not to): the response leaves the open list. Only an
 * `open` follow-up can be closed; a `pending` one still has its alerts to send, and closing it would
 * silently cancel them. Closing a `done` one again changes nothing.
 */
export async function markFollowUpDone(responseId: string, userId: string | null): Promise<ResponseFollowUp> {
  const closed = await closeFollowUp(responseId, userId);
  if (closed === 'unmarked') throw new Conflict('This response was not marked for follow-up.', 'no-follow-up');
  if (closed === 'missing') throw new NotFound(`There is no response ${responseId}.`);
  if (closed === 'pending') throw new Conflict('The alerts of this follow-up are still being sent; it can be closed once it is open.', 'follow-up-pending');
  return toResponseFollowUp(closed)!;
}
