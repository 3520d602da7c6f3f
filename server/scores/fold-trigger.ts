import type { AppContext } from '../app-context';
import { foldJob } from './fold.job';

/** Responses stored within one slot share one fold job, which runs once the slot has ended. */
const SLOT_MS = 250;

const lastRequest = new WeakMap<object, { slot: number; enqueued: Promise<void> }>();

/**
 * Asks for the pending responses to be folded into the rollups soon (well within the 5 s the
 * dashboards promise). One Redis round trip per process per 250 ms slot, not one per response:
 * the job id names the slot and the job is delayed until the slot ends, so it sees every response
 * written during it. If Redis is unreachable the response stays `pending` and the periodic sweep
 * folds it later; the customer's submission does not fail for it.
 */
export async function requestFold(ctx: AppContext): Promise<void> {
  const now = Date.now();
  const slot = Math.floor(now / SLOT_MS);
  const last = lastRequest.get(ctx.queues);
  if (last?.slot === slot) return last.enqueued;
  const enqueued = ctx.queues
    .enqueue(foldJob, {}, { jobId: `fold-${slot}`, delay: (slot + 1) * SLOT_MS - now })
    .then(() => undefined)
    .catch((err: unknown) => {
      lastRequest.delete(ctx.queues);
      ctx.logger.warn({ err }, 'could not enqueue the score fold; the sweep will fold these responses');
    });
  lastRequest.set(ctx.queues, { slot, enqueued });
  return enqueued;
}
