/**
 * The plan-do-check-act cycle of an improvement action: which moves each phase allows and where they lead.
 * plan → do (the change starts) → check (the change is done; the check window runs) → act (adopt the change,
 * or iterate: a new linked cycle). Act is final; iterating starts the next cycle as its own action.
 */
export const ACTION_PHASES = ['plan', 'do', 'check', 'act'] as const;
export type ActionPhase = (typeof ACTION_PHASES)[number];

export const ACTION_MOVES = ['start', 'complete', 'adopt', 'iterate'] as const;
export type ActionMove = (typeof ACTION_MOVES)[number];

const MOVES: Record<ActionPhase, Partial<Record<ActionMove, ActionPhase>>> = {
  plan: { start: 'do' },
  do: { complete: 'check' },
  check: { adopt: 'act', iterate: 'act' },
  act: {},
};

/** The moves `phase` allows, in ACTION_MOVES order. */
export function allowedActionMoves(phase: ActionPhase): ActionMove[] {
  return ACTION_MOVES.filter((move) => MOVES[phase][move] !== undefined);
}

export interface ActionMoveNotAllowed {
  code: 'move-not-allowed';
  phase: ActionPhase;
  move: ActionMove;
  /** What the API answers with its 409. */
  allowedMoves: ActionMove[];
}

export type ActionTransition = { ok: true; phase: ActionPhase } | { ok: false; error: ActionMoveNotAllowed };

/** The phase `move` leads to from `phase`, or why it may not be made there. */
export function transitionAction(phase: ActionPhase, move: ActionMove): ActionTransition {
  const target = MOVES[phase][move];
  if (target === undefined) return { ok: false, error: { code: 'move-not-allowed', phase, move, allowedMoves: allowedActionMoves(phase) } };
  return { ok: true, phase: target };
}
