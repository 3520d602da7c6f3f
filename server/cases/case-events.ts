import type { AppContext } from '../app-context';
import type { CaseRecord } from './case.model';

/** One appended timeline entry of a case, with the case as it is right after the append. */
export interface CaseChangeEvent {
  /** The case after the change (timeline included). */
  case: CaseRecord;
  /** The entry this change appended. */
  entry: CaseRecord['timeline'][number];
  /**
   * Its position in the timeline: with the case number, a key no other change has (consumers key their
   * jobs and send-log entries on it, so a retried change does its work once).
   */
  index: number;
}

/**
 * A feature that follows what happens to cases (customer emails, metrics, webhooks...). The cases
 * feature calls these and imports none of them; `server/case-hooks.ts` lists them, as
 * `server/response-hooks.ts` lists the consumers of responses.
 */
export interface CaseConsumer {
  /** For logs and errors. */
  name: string;
  /**
   * After each timeline entry is stored (opened, moved, assigned, note, due soon, breached, escalated...):
   * awaited before the API replies, and must be idempotent — it may run again for the same `index`.
   */
  changed?: (ctx: AppContext, event: CaseChangeEvent) => Promise<void>;
}

let installed: readonly CaseConsumer[] | null = null;

/** Hands the declared consumers to the cases feature; the platform does it once at boot. */
export function installCaseConsumers(consumers: readonly CaseConsumer[]): void {
  installed = consumers;
}

/** The installed consumers; refuses before the platform installed them, since skipping them would lose their work silently. */
export function caseConsumers(): readonly CaseConsumer[] {
  if (!installed) throw new Error('No case consumers are installed: startPlatform() installs those of server/case-hooks.ts.');
  return installed;
}

/**
 * Tells every consumer about the entry at `index` of `doc` — by default the last one, which the change
 * that returned `doc` appended.
 */
export async function afterCaseChanged(ctx: AppContext, doc: CaseRecord, index = doc.timeline.length - 1): Promise<void> {
  const entry = doc.timeline[index];
  if (!entry) return;
  await Promise.all(caseConsumers().map((consumer) => consumer.changed?.(ctx, { case: doc, entry, index })));
}
