import type { Types } from 'mongoose';
import { describeFollowUpReasons } from '@shared/follow-up/follow-up-match';
import type { FollowUpReason, FollowUpRule } from '@shared/follow-up/follow-up-rule.schema';
import type { AppContext } from '../app-context';
import { ContactModel } from '../contacts/contact.model';
import { sendOnce } from '../mail/send-once';
import { renderEmail, templateLocaleOf } from '../mail/templates';
import { listUnsubscribeHeaders, unsubscribeUrl } from '../mail/unsubscribe';
import {
  followUpOf,
  handFollowUpToDigest,
  markFollowUpOpen,
  markForFollowUp,
  type AlertOutcome,
  type FollowUpAlerts,
  type OwnersSkipped,
  type StoredFollowUp,
} from '../responses/response-follow-up.service';
import type { ResponseDoc } from '../responses/response.model';
import { findResponse } from '../responses/response.service';
import { SurveyModel } from '../surveys/survey.model';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { alertAttempts, ownerAddresses } from './alert-attempts';
import { digestWindowOf } from './digest-window';
import { openFollowUpCase } from './follow-up-case.service';
import { enqueueOwnerDigest } from './follow-up-digest.job';

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
    caseNumber: null,
  };
  return markForFollowUp(responseId, mark);
}

/** What one run of a response's follow-up job came to. */
export type FollowUpRun = { skipped: string } | FollowUpAlerts | { ack: AlertOutcome; digest: { touchpoint: string; windowStart: string } };

/**
 * Sends a pending follow-up's acknowledgement (at most once: send-log key per response), then hands
 * its owner alert to the touchpoint's digest of the window it matched in (FOLLOW_UP_DIGEST_MS); the
 * digest marks it `open` when it goes out. With no owner to alert it is marked `open` at once. A permanent
 * rejection is recorded as `failed`; a transient error is rethrown so the job retries.
 * Run again for a follow-up already handed over, it only makes sure that digest is coming, or hands it
 * to the current window when that digest is overdue (lost, or it gave up).
 */
export async function sendFollowUpAlerts(ctx: AppContext, responseId: string, now = new Date()): Promise<FollowUpRun> {
  const response = await findResponse(responseId);
  const mark = response ? followUpOf(response) : null;
  if (!response || !mark) return { skipped: 'not-marked' };
  if (mark.status !== 'pending') return { skipped: mark.status };
  // The case first: it is what staff work; the emails below only tell people about it.
  if (mark.caseNumber == null) await openFollowUpCase(ctx, response, mark);
  if (mark.digestWindow && response.touchpoint) return handToDigest(ctx, response, mark.alerts?.ack ?? 'off', now);

  const [survey, touchpoint, contact] = await Promise.all([
    SurveyModel.findById(response.surveyId, { title: 1 }).lean(),
    response.touchpoint ? TouchpointModel.findOne({ key: response.touchpoint }, { name: 1, owners: 1 }).lean() : null,
    response.contactId ? ContactModel.findById(response.contactId).lean() : null,
  ]);
  const flagged = response.flags.length > 0;
  const touchpointName = touchpoint?.name ?? response.touchpoint ?? '';
  const sends = alertAttempts();

  let ack: AlertOutcome = 'off';
  if (mark.acknowledge) {
    if (flagged) ack = 'flagged';
    else if (!contact) ack = 'no-contact';
    else if (contact.unsubscribedAt) ack = 'unsubscribed';
    else {
      const locale = templateLocaleOf(contact.locale ?? response.locale);
      ack = await sends.attempt(() =>
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
  sends.rethrowTransient();

  const ownersSkipped: OwnersSkipped = !mark.notifyOwners
    ? 'off'
    : flagged
      ? 'flagged'
      : !touchpoint
        ? 'no-touchpoint'
        : ownerAddresses(touchpoint.owners).length === 0
          ? 'no-owners'
          : null;
  if (ownersSkipped || !response.touchpoint) {
    const alerts = { ack, owners: {}, ownersSkipped: ownersSkipped ?? 'no-touchpoint' };
    await markFollowUpOpen(response._id, alerts);
    return alerts;
  }
  return handToDigest(ctx, response, ack, now);
}

/**
 * Hands the follow-up to the digest of the window it matched in (so what matched together is listed
 * together), and makes sure that digest is queued. A digest is given the sweep interval past its end
 * before its follow-ups move on to the window of `now`: it was lost, or it went out before they arrived.
 */
async function handToDigest(ctx: AppContext, response: ResponseDoc, ack: AlertOutcome, now: Date): Promise<FollowUpRun> {
  const touchpoint = response.touchpoint!;
  const mark = followUpOf(response)!;
  const handed = mark.digestWindow && mark.digestDue ? { start: new Date(mark.digestWindow), end: new Date(mark.digestDue) } : null;
  const candidate = handed ?? digestWindowOf(new Date(mark.matchedAt), ctx.config.FOLLOW_UP_DIGEST_MS);
  const stillDue = candidate.end.getTime() + ctx.config.FOLLOW_UP_SWEEP_MS > now.getTime();
  const window = stillDue ? candidate : digestWindowOf(now, ctx.config.FOLLOW_UP_DIGEST_MS);
  if (window !== handed && !(await handFollowUpToDigest(response._id, ack, window, handed?.start ?? null))) {
    // Another run handed it over first; that run queues the digest.
    return { skipped: 'handed-over' };
  }
  await enqueueOwnerDigest(ctx, touchpoint, window, now);
  return { ack, digest: { touchpoint, windowStart: window.start.toISOString() } };
}
