/**
 * What one case contributes to the service metrics, read from its timeline at an explicit `now`:
 * a pure function, so the incremental fold (after each case event) and the rebuild (over stored cases)
 * compute the same facts, whatever order the events arrived in.
 *
 * Definitions (every time is wall-clock time between timeline instants, pauses included: it is what the
 * customer waits, and it depends on the timeline alone — business time would change with every edit of a
 * team calendar, and SLA attainment already measures business-time targets):
 * - FRT: opening → the first move out of `new` (acknowledging, or resolving straight away).
 * - TAT: opening → the latest resolution, counted while the case is resolved or closed (a reopened case
 *   counts again once it is resolved again).
 * - SLA per stage: `breached` when the timeline records a breach of the stage (any cycle); `met` when the
 *   stage ended without one — its milestone move was made, or the case was resolved (a stage skipped by
 *   resolving early met its target); stages still running count neither.
 * - FCR (first-contact resolution): resolved in the first cycle with no "waiting on customer" round
 *   before that first resolution (no customer reply needed), and not reopened within 7 days of it. It is
 *   decided by a reopen within the 7 days (no) or once they pass (yes) — `fcrDecidesAt` says when.
 * - reopened / escalated: the case was reopened / escalated at least once; `resolved`: ever resolved.
 * - repeat: an earlier case of the same contact and category was opened within the 30 days before.
 * - resolution CSAT: the customer's 1–5 rating of the handling, once given.
 */
import type { SlaStage } from './sla-policy.schema';
import { SLA_STAGES } from './sla-policy.schema';

export const FCR_WINDOW_MS = 7 * 24 * 3_600_000;
export const REPEAT_WINDOW_MS = 30 * 24 * 3_600_000;

/** The parts of a case the facts are read from. */
export interface CaseFactsInput {
  openedAt: Date;
  timeline: ReadonlyArray<{ at: Date; kind: string; data: Record<string, unknown> }>;
  /** The customer's 1–5 rating of the handling (set by the resolution feedback), if any. */
  handlingCsat?: number | null | undefined;
  /** Latest opening of an earlier case with the same contact and category, if any. */
  previousOpenedAt: Date | null;
}

export type SlaOutcome = 'met' | 'breached';

export interface CaseFacts {
  frtMs: number | null;
  tatMs: number | null;
  sla: Partial<Record<SlaStage, SlaOutcome>>;
  /** null while undecided (not resolved yet, or inside the 7 days). */
  fcr: boolean | null;
  /** When an undecided FCR decides by itself (resolution + 7 days); null when nothing is pending. */
  fcrDecidesAt: Date | null;
  resolved: boolean;
  reopened: boolean;
  escalated: boolean;
  repeat: boolean;
  handlingCsat: number | null;
}

/** The move out of each working state that ends a stage's clock (resolving ends all of them). */
const MILESTONE_MOVES: Record<SlaStage, string | null> = {
  acknowledge: 'acknowledge',
  investigate: 'start-investigation',
  plan: 'propose-plan',
  // The answer stage ends with a customer answer, which only resolution records so far.
  answer: null,
  resolve: 'resolve',
};

const moveOf = (entry: CaseFactsInput['timeline'][number]) => (entry.kind === 'moved' && typeof entry.data.move === 'string' ? entry.data.move : null);
const isRating = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;

/** The metric facts of a case as its timeline reads at `now`. */
export function caseFacts(input: CaseFactsInput, now: Date): CaseFacts {
  const opened = input.openedAt.getTime();
  const moves = input.timeline.flatMap((entry) => {
    const move = moveOf(entry);
    return move === null ? [] : [{ move, from: entry.data.from, to: entry.data.to, at: entry.at.getTime() }];
  });
  const firstResponse = moves.find((m) => m.from === 'new');
  const last = moves[moves.length - 1];
  const settled = last !== undefined && (last.to === 'resolved' || last.to === 'closed');
  const lastResolve = moves.findLast((m) => m.move === 'resolve');
  const firstResolve = moves.find((m) => m.move === 'resolve');

  const breached = new Set(input.timeline.filter((e) => e.kind === 'breached').map((e) => e.data.stage));
  const sla: CaseFacts['sla'] = {};
  for (const stage of SLA_STAGES) {
    if (breached.has(stage)) sla[stage] = 'breached';
    else if (firstResolve || moves.some((m) => m.move === MILESTONE_MOVES[stage])) sla[stage] = 'met';
  }

  let fcr: boolean | null = null;
  let fcrDecidesAt: Date | null = null;
  if (firstResolve) {
    const windowEnd = firstResolve.at + FCR_WINDOW_MS;
    const customerRound = moves.some((m) => m.move === 'wait-on-customer' && m.at < firstResolve.at);
    const reopenedInWindow = moves.some((m) => m.move === 'reopen' && m.at >= firstResolve.at && m.at < windowEnd);
    if (customerRound || reopenedInWindow) fcr = false;
    else if (now.getTime() >= windowEnd) fcr = true;
    else fcrDecidesAt = new Date(windowEnd);
  }

  const previous = input.previousOpenedAt?.getTime();
  return {
    frtMs: firstResponse ? Math.max(0, firstResponse.at - opened) : null,
    tatMs: settled && lastResolve ? Math.max(0, lastResolve.at - opened) : null,
    sla,
    fcr,
    fcrDecidesAt,
    resolved: firstResolve !== undefined,
    reopened: moves.some((m) => m.move === 'reopen'),
    escalated: input.timeline.some((e) => e.kind === 'escalated'),
    repeat: previous !== undefined && previous <= opened && opened - previous <= REPEAT_WINDOW_MS,
    handlingCsat: isRating(input.handlingCsat) ? input.handlingCsat : null,
  };
}

/**
 * The latest opening among `others` that came before `own` (earlier, or at the same instant with a
 * smaller number), for `previousOpenedAt`: the fold and the rebuild pick it the same way.
 */
export function latestEarlierOpening(own: { number: number; openedAt: Date }, others: Iterable<{ number: number; openedAt: Date }>): Date | null {
  let latest: Date | null = null;
  for (const other of others) {
    const t = other.openedAt.getTime();
    const earlier = t < own.openedAt.getTime() || (t === own.openedAt.getTime() && other.number < own.number);
    if (earlier && (latest === null || t > latest.getTime())) latest = other.openedAt;
  }
  return latest;
}
