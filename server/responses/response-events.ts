import type { Types } from 'mongoose';
import type { ResponseMetrics } from '@shared/responses/response-list.schema';
import type { AppContext } from '../app-context';
import { requestFollowUp } from '../follow-up/follow-up-trigger';
import { requestFold } from '../scores/fold-trigger';

/** What the jobs that follow a stored response need to know about it. */
export interface StoredResponseEvent {
  id: Types.ObjectId;
  surveyId: Types.ObjectId;
  contactId: Types.ObjectId | null;
  metrics: ResponseMetrics;
  /** False on a resubmission: the jobs are asked for again, and their idempotence keeps them single. */
  created: boolean;
}

/**
 * Runs after every stored response, before the customer gets the reply, so a crash cannot lose the
 * follow-up work: each step is awaited and idempotent (the fold counts a response once; jobs have
 * per-response ids).
 */
export async function afterResponseStored(ctx: AppContext, stored: StoredResponseEvent): Promise<void> {
  await Promise.all([requestFold(ctx), requestFollowUp(ctx, stored)]);
}
