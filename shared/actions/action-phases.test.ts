import { describe, expect, it } from 'vitest';
import { ACTION_MOVES, ACTION_PHASES, allowedActionMoves, transitionAction } from './action-phases';

describe('action phases', () => {
  it('move forward one phase at a time: plan → do → check → act', () => {
    expect(transitionAction('plan', 'start')).toEqual({ ok: true, phase: 'do' });
    expect(transitionAction('do', 'complete')).toEqual({ ok: true, phase: 'check' });
    expect(transitionAction('check', 'adopt')).toEqual({ ok: true, phase: 'act' });
    expect(transitionAction('check', 'iterate')).toEqual({ ok: true, phase: 'act' });
  });

  it('refuse every other move and name the allowed ones', () => {
    expect(transitionAction('plan', 'complete')).toEqual({ ok: false, error: { code: 'move-not-allowed', phase: 'plan', move: 'complete', allowedMoves: ['start'] } });
    for (const phase of ACTION_PHASES) {
      for (const move of ACTION_MOVES) {
        const result = transitionAction(phase, move);
        expect(result.ok).toBe(allowedActionMoves(phase).includes(move));
      }
    }
    expect(allowedActionMoves('act')).toEqual([]);
  });
});
