import type { TemplateLocale, TemplateVars } from '@shared/mail/template.schema';
import type { Alert } from '@shared/scoring/alerts.schema';
import type { AppContext } from '../app-context';
import { sendOnce } from '../mail/send-once';
import { renderEmail } from '../mail/templates';
import { SERVER_TEXT } from '../mail/text-defaults';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import { findAlert, markAlertNotified } from './alerts.service';

const round = (value: number) => String(Math.round(value * 10) / 10);

/** The `target-alert` template's variables for one alert, in the words of the staff mail locale. */
export function alertEmailVars(alert: Alert, touchpointName: string, locale: TemplateLocale, publicUrl: string): TemplateVars {
  const text = SERVER_TEXT[locale].targetAlert;
  return {
    touchpoint: touchpointName,
    metric: text.metric[alert.metric],
    value: round(alert.value),
    target: round(alert.target),
    period: text.period.replace('{days}', String(alert.window)).replace('{n}', String(alert.n)),
    status: alert.kind === 'breach' ? text.breach : text.recovery,
    dashboardLink: `${publicUrl}/dashboard?touchpoint=${encodeURIComponent(alert.touchpoint)}`,
  };
}

/**
 * Emails each owner of the alert's touchpoint once (send-log key per alert and owner), in
 * STAFF_MAIL_LOCALE like every other staff email, then marks the alert notified. Safe to run twice.
 */
export async function sendAlertEmails(ctx: AppContext, alertId: string): Promise<{ skipped: 'alert-gone' } | { owners: number }> {
  const alert = await findAlert(alertId);
  if (!alert) return { skipped: 'alert-gone' };
  const touchpoint = await TouchpointModel.findOne({ key: alert.touchpoint }, { name: 1, owners: 1 }).lean();
  const locale = ctx.config.STAFF_MAIL_LOCALE;
  const vars = alertEmailVars(alert, touchpoint?.name ?? alert.touchpoint, locale, ctx.publicUrl);
  for (const owner of touchpoint?.owners ?? []) {
    await sendOnce(ctx.mailer, { key: `target-alert/${alertId}/${owner}`, kind: 'target-alert', to: owner }, () => renderEmail('target-alert', locale, vars), {
      leaseMs: ctx.config.SEND_LEASE_MS,
    });
  }
  await markAlertNotified(alertId);
  return { owners: touchpoint?.owners.length ?? 0 };
}
