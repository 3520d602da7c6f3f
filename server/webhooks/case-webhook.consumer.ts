import { formatCaseRef } from '@shared/cases/case-api.schema';
import type { WebhookEventType } from '@shared/webhooks/webhook.schema';
import type { AppContext } from '../app-context';
import type { CaseChangeEvent, CaseConsumer } from '../cases/case-events';
import { emitWebhookEvent } from './webhook-events';

/**
 * The webhook events one timeline entry makes: a move is always `case.moved`, and also `case.resolved`
 * or `case.reopened` when it is one (receivers that only care about outcomes subscribe to those).
 * A change of category is `case.categorised`. Internal notes and due-soon warnings stay inside.
 */
export function caseWebhookTypes(entry: CaseChangeEvent['entry']): WebhookEventType[] {
  switch (entry.kind) {
    case 'opened':
      return ['case.opened'];
    case 'moved':
      return ['case.moved', ...(entry.data.to === 'resolved' ? (['case.resolved'] as const) : []), ...(entry.data.move === 'reopen' ? (['case.reopened'] as const) : [])];
    case 'assigned':
      return ['case.assigned'];
    case 'categorised':
      return ['case.categorised'];
    case 'breached':
      return ['case.breached'];
    case 'escalated':
      return ['case.escalated'];
    default:
      return [];
  }
}

/**
 * Announces case changes to webhooks. The subject is the case and the entry's timeline index, so the
 * event id is the same when the change is told again (a retry), and the deliveries are written once.
 */
async function announceCaseChange(ctx: AppContext, { case: doc, entry, index }: CaseChangeEvent): Promise<void> {
  const types = caseWebhookTypes(entry);
  if (types.length === 0) return;
  const ref = formatCaseRef(doc.number);
  // A move's note is staff's internal text; receivers get what changed, not what was said about it.
  const { note: _note, ...change } = entry.data;
  const data = {
    case: ref,
    source: doc.source,
    status: doc.status,
    priority: doc.priority,
    touchpoint: doc.touchpoint,
    channel: doc.channel,
    segment: doc.segment,
    category: doc.category ?? null,
    teamId: doc.teamId.toString(),
    assigneeId: doc.assigneeId?.toString() ?? null,
    change: { kind: entry.kind, by: entry.by?.toString() ?? null, ...change },
  };
  for (const type of types) await emitWebhookEvent(ctx, { type, subjectId: `${ref}-${index}`, at: entry.at, data });
}

export const caseWebhookConsumer: CaseConsumer = { name: 'webhooks', changed: announceCaseChange };
