import type { Types } from 'mongoose';
import type { AppContext } from '../app-context';
import { UserModel } from '../auth/user.model';
import { sendOnce } from '../mail/send-once';
import { renderEmail } from '../mail/templates';
import { WebhookEndpointModel } from './webhook.model';

/**
 * Marks an endpoint failing once a delivery ran out of attempts, and emails every admin about it once
 * per failing spell: the flip from healthy is conditional, and the send-log key carries the spell's
 * start, so concurrent final failures and job retries send one email each admin. A later success ends
 * the spell; the next failure starts a new one and tells them again.
 */
export async function notifyWebhookFailing(ctx: AppContext, endpointId: Types.ObjectId, reason: string, now: Date): Promise<void> {
  await WebhookEndpointModel.updateOne({ _id: endpointId, failingSince: null }, { $set: { failingSince: now } });
  const endpoint = await WebhookEndpointModel.findById(endpointId, { url: 1, failingSince: 1 }).lean();
  if (!endpoint?.failingSince) return;
  const spell = endpoint.failingSince.getTime();
  const admins = await UserModel.find({ role: 'admin', disabled: { $ne: true } }, { email: 1 }).lean();
  const locale = ctx.config.STAFF_MAIL_LOCALE;
  const vars = { endpoint: endpoint.url, reason, webhooksLink: `${ctx.publicUrl}/webhooks` };
  for (const admin of admins) {
    await sendOnce(ctx.mailer, { key: `webhook-failing/${endpointId.toString()}/${spell}/${admin.email}`, kind: 'webhook-failing', to: admin.email }, () =>
      renderEmail('webhook-failing', locale, vars), { leaseMs: ctx.config.SEND_LEASE_MS });
  }
}
