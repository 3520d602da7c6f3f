/**
 * The case state machine: which moves each state allows, and which SLA stage runs in it.
 *
 * new → acknowledged → investigating → plan-proposed → resolved → closed. A case may be resolved from
 * any working state (first-contact resolution resolves straight from `new`); resolved and closed cases
 * reopen into `investigating`. "Waiting on customer" pauses acknowledged, investigating and
 * plan-proposed cases and remembers which of them to resume (a `new` case is not acknowledged yet: that
 * is our move, not the customer's).
 */
import type { SlaStage } from './sla-policy.schema';

export const CASE_STATUSES = ['new', 'acknowledged', 'investigating', 'plan-proposed', 'waiting-on-customer', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_MOVES = ['acknowledge', 'start-investigation', 'propose-plan', 'wait-on-customer', 'resume', 'resolve', 'close', 'reopen'] as const;
export type CaseMove = (typeof CASE_MOVES)[number];

/** The states a "waiting on customer" pause can start from, and so resume to. */
export const PAUSABLE_STATUSES = ['acknowledged', 'investigating', 'plan-proposed'] as const;
export type PausableStatus = (typeof PAUSABLE_STATUSES)[number];

export type CaseState = { status: Exclude<CaseStatus, 'waiting-on-customer'> } | { status: 'waiting-on-customer'; resumeTo: PausableStatus };

/** Where each move leads from each state that allows it (the resume target comes from the state). */
const MOVES: Record<CaseStatus, Partial<Record<CaseMove, CaseStatus>>> = {
  new: { acknowledge: 'acknowledged', resolve: 'resolved' },
  acknowledged: { 'start-investigation': 'investigating', 'wait-on-customer': 'waiting-on-customer', resolve: 'resolved' },
  investigating: { 'propose-plan': 'plan-proposed', 'wait-on-customer': 'waiting-on-customer', resolve: 'resolved' },
  'plan-proposed': { 'start-investigation': 'investigating', 'wait-on-customer': 'waiting-on-customer', resolve: 'resolved' },
  // The customer's answer may settle it: resolving while waiting needs no resume first.
  'waiting-on-customer': { resume: 'waiting-on-customer', resolve: 'resolved' },
  resolved: { close: 'closed', reopen: 'investigating' },
  closed: { reopen: 'investigating' },
};

/** The moves `state` allows, in CASE_MOVES order. */
export function allowedMoves(state: CaseState): CaseMove[] {
  const moves = MOVES[state.status];
  return CASE_MOVES.filter((move) => moves[move] !== undefined);
}

export interface MoveNotAllowed {
  code: 'move-not-allowed';
  status: CaseStatus;
  move: CaseMove;
  /** What the API answers with its 409. */
  allowedMoves: CaseMove[];
}

export type TransitionResult = { ok: true; state: CaseState } | { ok: false; error: MoveNotAllowed };

/** The state `move` leads to from `state`, or why it may not be made there. */
export function transition(state: CaseState, move: CaseMove): TransitionResult {
  const target = MOVES[state.status][move];
  if (target === undefined) return { ok: false, error: { code: 'move-not-allowed', status: state.status, move, allowedMoves: allowedMoves(state) } };
  if (state.status === 'waiting-on-customer' && move === 'resume') return { ok: true, state: { status: state.resumeTo } };
  if (target === 'waiting-on-customer') return { ok: true, state: { status: 'waiting-on-customer', resumeTo: state.status as PausableStatus } };
  return { ok: true, state: { status: target } };
}

/**
 * The milestone stage that runs in each working state: it is met when the case moves on. Targets count
 * from the start of the case's SLA cycle (opening, or the latest reopen), as the standard counts "plan
 * within 4 hours" from receipt. `resolve` runs in plan-proposed and is met on resolution.
 */
const MILESTONE_STAGE: Record<PausableStatus | 'new', SlaStage> = {
  new: 'acknowledge',
  acknowledged: 'investigate',
  investigating: 'plan',
  'plan-proposed': 'resolve',
};

export interface RunningStages {
  /** Stages whose clocks run in this state, milestone first. */
  stages: SlaStage[];
  /** Whether those clocks are paused (waiting on the customer). */
  paused: boolean;
}

/**
 * The SLA stages running in `state`. Alongside the milestone, `answer` (the customer's first real
 * answer, within 24 h in the standard) runs until the case records one, which is an event rather than
 * a state (a message to the customer); resolving always answers.
 */
export function runningStages(state: CaseState, customerAnswered: boolean): RunningStages {
  const working = state.status === 'waiting-on-customer' ? state.resumeTo : state.status;
  if (working === 'resolved' || working === 'closed') return { stages: [], paused: false };
  const stages: SlaStage[] = [MILESTONE_STAGE[working]];
  if (!customerAnswered) stages.push('answer');
  return { stages, paused: state.status === 'waiting-on-customer' };
}
