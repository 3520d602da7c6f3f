import { z } from 'zod';
import { objectIdSchema } from '@shared/http/object-id.schema';
import { defineJob, type AppContext } from '../app-context';
import { sendAlertEmails } from './alert-email.service';
import { checkTouchpointTargets, findAlert, unnotifiedAlertIds } from './alerts.service';
import { openBreachCase } from './breach-case.service';
import { emitWebhookEvent } from '../webhooks/webhook-events';

/** Announces a breach or recovery to webhooks; run by the alert's job, whose retries find the deliveries already written. */
async function announceAlert(ctx: AppContext, alertId: string): Promise<void> {
  const alert = await findAlert(alertId);
  if (!alert) return;
  const data = { alertId: alert.id, touchpoint: alert.touchpoint, window: alert.window, metric: alert.metric, value: alert.value, target: alert.target, n: alert.n, standardVersion: alert.standardVersion };
  await emitWebhookEvent(ctx, { type: alert.kind === 'breach' ? 'alert.breach' : 'alert.recovery', subjectId: alert.id, at: new Date(alert.at), data });
}

/** Announces the alert, opens a breach's internal case (once per alert), and emails each owner of its touchpoint once; see sendAlertEmails. */
export const targetAlertEmailJob = defineJob({
  queue: 'scores-alert-email',
  payload: z.object({ alertId: objectIdSchema }).strict(),
  handle: async ({ alertId }, ctx) => {
    await announceAlert(ctx, alertId);
    await openBreachCase(ctx, alertId);
    return sendAlertEmails(ctx, alertId);
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
