import { followUpConsumer } from './follow-up/follow-up-trigger';
import type { ResponseConsumer } from './responses/response-events';
import { scoresConsumer } from './scores/scores.consumer';
import { webhookConsumer } from './webhooks/webhook.consumer';

/**
 * Every feature that follows what happens to a stored response, like `jobs.ts` lists the jobs: the
 * platform hands this list to the responses feature, which imports none of them. A new consumer
 * (cases, webhooks) is one line here. After a response is stored they run together, awaited before
 * the customer's reply; on a deletion or anonymisation they run in order, inside its transaction.
 */
export const RESPONSE_CONSUMERS: readonly ResponseConsumer[] = [scoresConsumer, followUpConsumer, webhookConsumer];
