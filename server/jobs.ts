import type { AppContext } from './app-context';
import type { RunnableJob } from './lib/queue';
import { occurrenceJob } from './distributions/occurrence.job';
import { reminderSweepJob } from './distributions/reminder.job';
import { sendJob } from './distributions/send.job';
import { ownerDigestJob } from './follow-up/follow-up-digest.job';
import { followUpJob, followUpSweepJob } from './follow-up/follow-up.job';
import { targetAlertEmailJob, targetCheckJob } from './scores/alerts.job';
import { foldJob } from './scores/fold.job';
import { webhookDeliveryJob, webhookSweepJob } from './webhooks/webhook-delivery.job';
import { slaTimerJob } from './cases/sla-timer.job';
import { slaTimerSweepJob } from './cases/sla-timer-sweep.job';
import { caseCustomerEmailJob } from './cases/customer/customer-email.job';
import { caseAutoCloseJob } from './cases/customer/auto-close.job';
import { caseFoldJob, caseFoldSweepJob } from './case-metrics/case-fold.job';
import { actionSweepJob } from './actions/action-sweep.job';
import { reportSendJob, reportTickJob } from './reports/report.job';
import { themeRetagJob } from './themes/theme-retag.job';

/** Every kind of background job the worker runs; feature folders add theirs here. */
export const JOB_DEFINITIONS: readonly RunnableJob<AppContext>[] = [
  foldJob,
  targetCheckJob,
  targetAlertEmailJob,
  followUpJob,
  ownerDigestJob,
  followUpSweepJob,
  occurrenceJob,
  sendJob,
  reminderSweepJob,
  webhookDeliveryJob,
  webhookSweepJob,
  slaTimerJob,
  slaTimerSweepJob,
  caseCustomerEmailJob,
  caseAutoCloseJob,
  caseFoldJob,
  caseFoldSweepJob,
  actionSweepJob,
  reportTickJob,
  reportSendJob,
  themeRetagJob,
];
