import type { ClientSession, Types } from 'mongoose';
import type { ResponseMetrics } from '@shared/responses/response-list.schema';
import type { AppContext } from '../app-context';
import type { ResponseDoc } from './response.model';

/** What the consumers of a stored response need to know about it. */
export interface StoredResponseEvent {
  id: Types.ObjectId;
  surveyId: Types.ObjectId;
  contactId: Types.ObjectId | null;
  metrics: ResponseMetrics;
  /** False on a resubmission: the consumers are asked again, and their idempotence keeps their work single. */
  created: boolean;
}

/** One anonymised response: as it was, and as it is stored now. */
export interface AnonymisedResponse {
  before: ResponseDoc;
  after: ResponseDoc;
}

/**
 * A feature that follows what happens to responses (scores, follow-up, ...). The responses feature
 * calls these and knows nothing else of its consumers; `server/response-hooks.ts` lists them.
 */
export interface ResponseConsumer {
  /** For logs and errors. */
  name: string;
  /**
   * After a response is stored (or resubmitted), before the customer gets the reply, so a crash cannot
   * lose the work: awaited, and must be idempotent (it runs again on every resubmission).
   */
  stored?: (ctx: AppContext, event: StoredResponseEvent) => Promise<void>;
  /** Inside the transaction that deletes these responses, so what was derived from them goes with them. */
  deleted?: (responses: readonly ResponseDoc[], session: ClientSession) => Promise<void>;
  /** Inside the transaction that anonymises these responses (their contact, segment and free text go). */
  anonymised?: (responses: readonly AnonymisedResponse[], session: ClientSession) => Promise<void>;
  /** After a deletion or anonymisation committed (e.g. readers' caches drop what they held). */
  committed?: () => Promise<void>;
}

let installed: readonly ResponseConsumer[] | null = null;

/** Hands the declared consumers to the responses feature; the platform does it once at boot. */
export function installResponseConsumers(consumers: readonly ResponseConsumer[]): void {
  installed = consumers;
}

/** The installed consumers; refuses before the platform installed them, since skipping them would lose their work silently. */
export function responseConsumers(): readonly ResponseConsumer[] {
  if (!installed) throw new Error('No response consumers are installed: startPlatform() installs those of server/response-hooks.ts.');
  return installed;
}

/**
 * Runs after every stored response, before the customer gets the reply, so a crash cannot lose the
 * follow-up work: each consumer is awaited and idempotent (the fold counts a response once; jobs have
 * per-response ids).
 */
export async function afterResponseStored(ctx: AppContext, stored: StoredResponseEvent): Promise<void> {
  await Promise.all(responseConsumers().map((consumer) => consumer.stored?.(ctx, stored)));
}

/** Runs every consumer's `deleted` in the deleting transaction. */
export async function onResponsesDeleted(responses: readonly ResponseDoc[], session: ClientSession): Promise<void> {
  for (const consumer of responseConsumers()) await consumer.deleted?.(responses, session);
}

/** Runs every consumer's `anonymised` in the anonymising transaction. */
export async function onResponsesAnonymised(responses: readonly AnonymisedResponse[], session: ClientSession): Promise<void> {
  for (const consumer of responseConsumers()) await consumer.anonymised?.(responses, session);
}

/** Runs every consumer's `committed` once a deletion or anonymisation is in. */
export async function afterResponsesChanged(): Promise<void> {
  for (const consumer of responseConsumers()) await consumer.committed?.();
}
