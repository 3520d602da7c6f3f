import { followUpReasons } from '@shared/follow-up/follow-up-match';
import type { AppContext } from '../app-context';
import type { ResponseConsumer, StoredResponseEvent } from '../responses/response-events';
import { enqueueFollowUp } from './follow-up.job';
import { cachedFollowUpRule } from './follow-up-rule.service';
import { markFollowUpPending } from './follow-up.service';

/** Longest the submit path waits for Redis; a lost enqueue is picked up by the sweep. */
const ENQUEUE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Checks a stored response against its survey's follow-up rule, in process (cached rule, no Redis
 * round trip when it does not match). A match is marked `pending` on the response first, then its
 * job is enqueued; if Redis is unreachable the customer's submission still succeeds and the sweep
 * sends the alerts later.
 */
export async function requestFollowUp(ctx: AppContext, stored: StoredResponseEvent): Promise<void> {
  const rule = await cachedFollowUpRule(stored.surveyId);
  const reasons = followUpReasons(rule, stored.metrics);
  if (!rule || reasons.length === 0) return;
  if (!(await markFollowUpPending(stored.id, rule, reasons))) return;
  await withTimeout(enqueueFollowUp(ctx, stored.id.toString()), ENQUEUE_TIMEOUT_MS).catch((err: unknown) =>
    ctx.logger.warn({ err, responseId: stored.id.toString() }, 'could not enqueue the follow-up; the sweep will send it'),
  );
}

/** Follow-up acts on stored responses only; a deleted one's mark goes with it. */
export const followUpConsumer: ResponseConsumer = { name: 'follow-up', stored: requestFollowUp };
