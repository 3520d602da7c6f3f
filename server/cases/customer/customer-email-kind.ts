import type { CaseRecord } from '../case.model';

/** The customer emails a case sends. */
export type CustomerEmailKind = 'case-acknowledged' | 'case-answer' | 'case-resolved';

type Entry = Pick<CaseRecord['timeline'][number], 'kind' | 'data'>;

/**
 * Which customer email a timeline entry calls for, if any. The acknowledgement goes out when an agent
 * acknowledges the case, not when it opens: that is the standard's "received within 30 minutes" by a
 * person, and a case opened from a low score already had the follow-up's automatic apology. An agent's
 * `message` is emailed; a `note` never is. A resolution asks "was this resolved?".
 */
export function customerEmailKindOf(entry: Entry): CustomerEmailKind | null {
  if (entry.kind === 'message') return 'case-answer';
  if (entry.kind !== 'moved') return null;
  if (entry.data.move === 'acknowledge') return 'case-acknowledged';
  if (entry.data.to === 'resolved') return 'case-resolved';
  return null;
}

/**
 * The send-log key of a customer email, so each goes out once: the acknowledgement once per case, an
 * answer once per message (its timeline index), the resolution question once per resolution cycle.
 */
export function customerEmailKey(kind: CustomerEmailKind, ref: string, cycle: number, index: number): string {
  switch (kind) {
    case 'case-acknowledged':
      return `case-acknowledged/${ref}`;
    case 'case-answer':
      return `case-answer/${ref}/${index}`;
    case 'case-resolved':
      return `case-resolved/${ref}/${cycle}`;
  }
}
