import { UnrecoverableError, type Job } from 'bullmq';
import type { AppContext } from '../app-context';
import { checkWebhookHost, parsePrivateAllowance, WebhookAddressRefused, type PrivateAllowance } from './webhook-address';
import { postWebhook } from './webhook-http';
import { webhookHeaders } from './webhook-signature';
import { notifyWebhookFailing } from './webhook-failing.service';
import { WebhookDeliveryModel, WebhookEndpointModel } from './webhook.model';

const allowances = new WeakMap<readonly string[], PrivateAllowance>();
/** WEBHOOK_ALLOW_PRIVATE parsed once per config. */
export function privateAllowance(ctx: Pick<AppContext, 'config'>): PrivateAllowance {
  const list = ctx.config.WEBHOOK_ALLOW_PRIVATE;
  let allowance = allowances.get(list);
  if (!allowance) allowances.set(list, (allowance = parsePrivateAllowance(list)));
  return allowance;
}

type Outcome = { status: number } | { error: string; refused: boolean };

async function attempt(ctx: AppContext, url: URL, secret: string, eventId: string, body: string): Promise<Outcome> {
  try {
    // Checked again at every attempt: the name may resolve elsewhere than when the endpoint was saved.
    const checked = await checkWebhookHost(url, privateAllowance(ctx));
    return await postWebhook(url, checked, webhookHeaders(secret, eventId, body, new Date()), body, ctx.config.WEBHOOK_TIMEOUT_MS);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: message.slice(0, 500), refused: error instanceof WebhookAddressRefused };
  }
}

/**
 * One attempt of one delivery, run by its job. A 2xx delivers it (and ends the endpoint's failing
 * spell); anything else is recorded and thrown so BullMQ retries with backoff. The last attempt, or an
 * address the SSRF guard refuses (no retry can fix it), marks the delivery failed and the endpoint
 * failing, and its admins are told once. A delivery already delivered is not sent again.
 */
export async function deliverWebhook(ctx: AppContext, deliveryId: string, job: Job): Promise<{ delivered: boolean } | { skipped: string }> {
  const delivery = await WebhookDeliveryModel.findById(deliveryId).lean();
  if (!delivery) return { skipped: 'delivery-gone' };
  if (delivery.status === 'delivered') return { skipped: 'already-delivered' };
  const endpoint = await WebhookEndpointModel.findById(delivery.endpointId).lean();
  if (!endpoint || !endpoint.enabled) {
    await WebhookDeliveryModel.updateOne({ _id: delivery._id }, { $set: { status: 'failed', error: endpoint ? 'endpoint disabled' : 'endpoint deleted' } });
    return { skipped: endpoint ? 'endpoint-disabled' : 'endpoint-gone' };
  }

  const outcome = await attempt(ctx, new URL(endpoint.url), endpoint.secret, delivery.eventId, delivery.body);
  const now = new Date();
  const ok = 'status' in outcome && outcome.status >= 200 && outcome.status < 300;
  const final = ok || ('refused' in outcome && outcome.refused) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  await WebhookDeliveryModel.updateOne(
    { _id: delivery._id },
    {
      $inc: { attempts: 1 },
      $set: {
        status: ok ? 'delivered' : final ? 'failed' : 'pending',
        responseCode: 'status' in outcome ? outcome.status : null,
        error: 'error' in outcome ? outcome.error : ok ? null : `HTTP ${outcome.status}`,
        lastAttemptAt: now,
        ...(ok ? { deliveredAt: now } : {}),
      },
    },
  );
  if (ok) {
    if (endpoint.failingSince) await WebhookEndpointModel.updateOne({ _id: endpoint._id }, { $set: { failingSince: null } });
    return { delivered: true };
  }
  const reason = 'error' in outcome ? outcome.error : `the receiver answered HTTP ${outcome.status}`;
  if (final) await notifyWebhookFailing(ctx, endpoint._id, reason, now);
  if ('refused' in outcome && outcome.refused) throw new UnrecoverableError(reason);
  throw new Error(`webhook ${delivery.eventId} to endpoint ${endpoint._id.toString()}: ${reason}`);
}
