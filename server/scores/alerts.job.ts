import { z } from 'zod';
import { objectIdSchema } from '@shared/http/object-id.schema';
import type { Alert } from '@shared/scoring/alerts.schema';
import { defineJob } from '../app-context';
import { renderEmail } from '../mail/templates';
import { sendOnce } from '../mail/send-once';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { checkTouchpointTargets, findAlert, markAlertNotified, unnotifiedAlertIds } from './alerts.service';

const METRIC_LABELS: Record<Alert['metric'], string> = {
  nps: 'NPS', csatSatisfiedPct: 'CSAT satisfied %', csatMean: 'CSAT mean', ces: 'CES', servqualGap: 'SERVQUAL gap', index: 'service-quality index',
};
const round = (value: number) => String(Math.round(value * 10) / 10);

/** Emails each owner of the alert's touchpoint once (send-log key per alert and owner). */
export const targetAlertEmailJob = defineJob({
  queue: 'scores-alert-email',
  payload: z.object({ alertId: objectIdSchema }).strict(),
  handle: async ({ alertId }, { mailer, publicUrl, config }) => {
    const alert = await findAlert(alertId);
    if (!alert) return { skipped: 'alert-gone' };
    const touchpoint = await TouchpointModel.findOne({ key: alert.touchpoint }, { name: 1, owners: 1 }).lean();
    const vars = {
      touchpoint: touchpoint?.name ?? alert.touchpoint,
      metric: METRIC_LABELS[alert.metric],
      value: round(alert.value),
      target: round(alert.target),
      period: `the last ${alert.window} days (n = ${alert.n})`,
      status: alert.kind === 'breach' ? 'below target' : 'back on target',
      dashboardLink: `${publicUrl}/dashboard?touchpoint=${encodeURIComponent(alert.touchpoint)}`,
    };
    for (const owner of touchpoint?.owners ?? []) {
      await sendOnce(mailer, { key: `target-alert/${alertId}/${owner}`, kind: 'target-alert', to: owner }, () => renderEmail('target-alert', 'en', vars), {
        leaseMs: config.SEND_LEASE_MS,
      });
    }
    await markAlertNotified(alertId);
    return { owners: touchpoint?.owners.length ?? 0 };
  },
});

/**
 * Checks every touchpoint's targets on a schedule (ALERT_CHECK_EVERY_MS) and hands each new alert, and
 * any whose emails never went out, to the email job (job id per alert, so it is queued once).
 */
export const targetCheckJob = defineJob({
  queue: 'scores-target-check',
  payload: z.object({}).strict(),
  concurrency: 1,
  schedule: ({ config }) => ({ repeat: { every: config.ALERT_CHECK_EVERY_MS }, payload: {} }),
  handle: async (_payload, { queues }) => {
    const created = await checkTouchpointTargets();
    const pending = await unnotifiedAlertIds();
    for (const id of pending) await queues.enqueue(targetAlertEmailJob, { alertId: id.toString() }, { jobId: `target-alert-${id.toString()}` });
    return { created: created.length, queued: pending.length };
  },
});
