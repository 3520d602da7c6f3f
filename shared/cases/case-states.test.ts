import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_MOVES, CASE_STATUSES, PAUSABLE_STATUSES, allowedMoves, runningStages, transition, type CaseMove, type CaseState } from './case-states';

/** Follows moves that must all be allowed. */
function walk(state: CaseState, moves: CaseMove[]): CaseState {
  return moves.reduce((current, move) => {
    const result = transition(current, move);
    if (!result.ok) throw new Error(`${move} not allowed from ${current.status}`);
    return result.state;
  }, state);
}

describe('the case state machine', () => {
  it('runs the standard path from new to closed', () => {
    expect(walk({ status: 'new' }, ['acknowledge', 'start-investigation', 'propose-plan', 'resolve', 'close'])).toEqual({ status: 'closed' });
  });

  it('resolves at first contact straight from new', () => {
    expect(walk({ status: 'new' }, ['resolve'])).toEqual({ status: 'resolved' });
  });

  it('waits on the customer and resumes where it paused', () => {
    const waiting = walk({ status: 'new' }, ['acknowledge', 'start-investigation', 'propose-plan', 'wait-on-customer']);
    expect(waiting).toEqual({ status: 'waiting-on-customer', resumeTo: 'plan-proposed' });
    expect(walk(waiting, ['resume'])).toEqual({ status: 'plan-proposed' });
    expect(walk(waiting, ['resolve'])).toEqual({ status: 'resolved' });
  });

  it('reopens resolved and closed cases into investigation', () => {
    expect(walk({ status: 'resolved' }, ['reopen'])).toEqual({ status: 'investigating' });
    expect(walk({ status: 'closed' }, ['reopen'])).toEqual({ status: 'investigating' });
  });

  it('refuses a move with the moves the state allows (the API answers 409 with them)', () => {
    expect(transition({ status: 'new' }, 'close')).toEqual({
      ok: false,
      error: { code: 'move-not-allowed', status: 'new', move: 'close', allowedMoves: ['acknowledge', 'resolve'] },
    });
    expect(transition({ status: 'new' }, 'wait-on-customer').ok).toBe(false);
    expect(transition({ status: 'closed' }, 'resolve')).toMatchObject({ ok: false, error: { allowedMoves: ['reopen'] } });
    expect(allowedMoves({ status: 'waiting-on-customer', resumeTo: 'acknowledged' })).toEqual(['resume', 'resolve']);
  });

  it('says which SLA stages run, and when they are paused', () => {
    expect(runningStages({ status: 'new' }, false)).toEqual({ stages: ['acknowledge', 'answer'], paused: false });
    expect(runningStages({ status: 'acknowledged' }, false)).toEqual({ stages: ['investigate', 'answer'], paused: false });
    expect(runningStages({ status: 'investigating' }, true)).toEqual({ stages: ['plan'], paused: false });
    expect(runningStages({ status: 'plan-proposed' }, true)).toEqual({ stages: ['resolve'], paused: false });
    expect(runningStages({ status: 'waiting-on-customer', resumeTo: 'investigating' }, false)).toEqual({ stages: ['plan', 'answer'], paused: true });
    expect(runningStages({ status: 'resolved' }, false)).toEqual({ stages: [], paused: false });
    expect(runningStages({ status: 'closed' }, true)).toEqual({ stages: [], paused: false });
  });

  it('never leaves the graph, whatever moves are tried', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CASE_MOVES), { maxLength: 40 }), (moves) => {
        let state: CaseState = { status: 'new' };
        for (const move of moves) {
          const allowed = allowedMoves(state);
          const result = transition(state, move);
          expect(result.ok).toBe(allowed.includes(move));
          if (!result.ok) {
            expect(result.error.allowedMoves).toEqual(allowed);
            continue;
          }
          state = result.state;
          expect(CASE_STATUSES).toContain(state.status);
          if (state.status === 'waiting-on-customer') expect(PAUSABLE_STATUSES).toContain(state.resumeTo);
          // No state is a dead end (a closed case can still reopen).
          expect(allowedMoves(state).length).toBeGreaterThan(0);
          reached.add(state.status);
        }
      }),
      { seed: 14, numRuns: 300 },
    );
    // Every state but the start is reachable from new.
    expect([...reached].sort()).toEqual(CASE_STATUSES.filter((s) => s !== 'new').sort());
  });
});
