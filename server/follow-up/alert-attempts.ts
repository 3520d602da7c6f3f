import { UnrecoverableError } from 'bullmq';
import type { Types } from 'mongoose';
import type { AppContext } from '../app-context';
import type { AlertOutcome } from '../responses/response-follow-up.service';

/**
 * Sends a job's alert emails one by one: a permanent rejection of one address does not hold up the
 * others; the first transient error is kept and rethrown by `rethrowTransient` once every email was
 * tried, so the job's retry redoes only what did not go out (sendOnce skips the sent ones).
 */
export function alertAttempts() {
  let transient: unknown;
  return {
    async attempt(send: () => Promise<{ status: string }>): Promise<AlertOutcome> {
      try {
        return (await send()).status === 'failed-before' ? 'failed' : 'sent';
      } catch (error) {
        if (error instanceof UnrecoverableError) return 'failed';
        transient ??= error;
        return 'failed';
      }
    },
    rethrowTransient(): void {
      if (transient) throw transient;
    },
  };
}

/** Where staff see a response: the survey's responses on the dashboard. */
export function responseLinkOf(ctx: Pick<AppContext, 'publicUrl'>, surveyId: Types.ObjectId, responseId: Types.ObjectId): string {
  return `${ctx.publicUrl.replace(/\/+$/, '')}/dashboard?survey=${surveyId.toString()}&response=${responseId.toString()}`;
}

/** A moment as staff emails show it: minutes, UTC. */
export const formatAlertTime = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Owner addresses as stored on a touchpoint, trimmed, lower-cased and each once. */
export function ownerAddresses(owners: readonly string[] | null | undefined): string[] {
  return [...new Set((owners ?? []).map((o) => o.trim().toLowerCase()).filter(Boolean))];
}
