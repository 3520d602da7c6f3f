import type { AppContext } from '../app-context';
import type { ResponseConsumer, StoredResponseEvent } from '../responses/response-events';
import { emitWebhookEvent, emitWebhookEventInTransaction } from './webhook-events';

/** Only a new response is `response.created`; a resubmission was announced when it was first stored. */
async function announceStored(ctx: AppContext, stored: StoredResponseEvent): Promise<void> {
  if (!stored.created) return;
  await emitWebhookEvent(ctx, {
    type: 'response.created',
    subjectId: stored.id.toString(),
    at: new Date(),
    data: { responseId: stored.id.toString(), surveyId: stored.surveyId.toString(), contactId: stored.contactId?.toString() ?? null, metrics: stored.metrics },
  });
}

/**
 * Webhooks announce new and deleted responses. A deletion's deliveries are written in its transaction
 * (they go if it rolls back) and queued by the webhook sweep after it commits.
 */
export const webhookConsumer: ResponseConsumer = {
  name: 'webhooks',
  stored: announceStored,
  deleted: async (responses, session) => {
    const at = new Date();
    for (const response of responses) {
      await emitWebhookEventInTransaction(
        { type: 'response.deleted', subjectId: response._id.toString(), at, data: { responseId: response._id.toString(), surveyId: response.surveyId.toString() } },
        session,
      );
    }
  },
};
