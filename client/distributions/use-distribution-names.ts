import type { Role } from '@shared/auth/auth.schema';
import type { DistributionStatus, SkipReason } from '@shared/distributions/distribution.schema';
import type { SendKind, SendStatus } from '@shared/mail/send-log.schema';
import type { MessageKey } from '../i18n/en';
import { api } from '../lib/api-client';
import { useLoad } from '../lib/use-load';
import { distributionsApi } from './distributions-api';

/** Roles that create, pause, resume and cancel distributions; the API decides anyway. */
export const MAY_RUN_DISTRIBUTIONS: readonly Role[] = ['admin', 'designer'];

export const STATUS_LABELS: Record<DistributionStatus, MessageKey> = {
  active: 'distributions.status.active',
  paused: 'distributions.status.paused',
  cancelled: 'distributions.status.cancelled',
  completed: 'distributions.status.completed',
};

export const SKIP_LABELS: Record<SkipReason, MessageKey> = {
  unsubscribed: 'distributions.skip.unsubscribed',
  quarantine: 'distributions.skip.quarantine',
  cancelled: 'distributions.skip.cancelled',
  'survey-closed': 'distributions.skip.surveyClosed',
  'missing-contact': 'distributions.skip.missingContact',
};

export const KIND_LABELS: Record<SendKind, MessageKey> = {
  invitation: 'distributions.kind.invitation',
  reminder: 'distributions.kind.reminder',
  'follow-up-ack': 'distributions.kind.followUpAck',
  'follow-up-owner': 'distributions.kind.followUpOwner',
  'target-alert': 'distributions.kind.targetAlert',
  'webhook-failing': 'distributions.kind.webhookFailing',
  'case-escalation': 'distributions.kind.caseEscalation',
  'case-acknowledged': 'distributions.kind.caseAcknowledged',
  'case-answer': 'distributions.kind.caseAnswer',
  'case-resolved': 'distributions.kind.caseResolved',
  'action-reminder': 'distributions.kind.actionReminder',
  'action-verdict': 'distributions.kind.actionVerdict',
  'service-report': 'distributions.kind.serviceReport',
};

export const SEND_STATUS_LABELS: Record<SendStatus, MessageKey> = {
  sending: 'distributions.sendStatus.sending',
  retrying: 'distributions.sendStatus.retrying',
  sent: 'distributions.sendStatus.sent',
  failed: 'distributions.sendStatus.failed',
};

export interface DistributionNames {
  /** Survey id → title. */
  surveys: Map<string, string>;
  /** Touchpoint key → name. */
  touchpoints: Map<string, string>;
}

const NO_NAMES: DistributionNames = { surveys: new Map(), touchpoints: new Map() };

/**
 * Survey titles and touchpoint names, so a distribution reads as words rather than ids. A failure leaves
 * the maps empty: the ids are still shown, which is worse but not wrong.
 */
export function useDistributionNames(): DistributionNames {
  const { state } = useLoad('survey and touchpoint names', async () => {
    const client = distributionsApi(api);
    const [surveys, touchpoints] = await Promise.all([client.surveys(), client.touchpoints()]);
    return {
      surveys: new Map(surveys.map((survey) => [survey.id, survey.title])),
      touchpoints: new Map(touchpoints.map((touchpoint) => [touchpoint.key, touchpoint.name])),
    };
  });
  return state.kind === 'ready' ? state.value : NO_NAMES;
}
