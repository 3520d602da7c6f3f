import { describe, expect, it } from 'vitest';
import type { ActionCheck } from '@shared/actions/action.schema';
import { reminderEmailVars, verdictEmailVars } from './action-email';

const check: ActionCheck = {
  ranAt: '2026-05-01T00:00:00.000Z',
  baseline: { from: '2026-01-01', to: '2026-01-30' },
  check: { from: '2026-03-01', to: '2026-03-30' },
  metrics: [
    { metric: 'csat', n: { baseline: 60, check: 60 }, values: { baseline: 3, check: 4 }, effect: 1, ci95: [0.7234, 1.2766], test: 'welch-t', pValue: 0.0001, verdict: 'improved' },
    { metric: 'nps', n: { baseline: 12, check: 40 }, values: { baseline: 10, check: 20 }, effect: 10, ci95: null, test: null, pValue: null, verdict: 'too-few' },
  ],
};

describe('action emails', () => {
  it('write one verdict line per metric, with the interval only where there is one', () => {
    const vars = verdictEmailVars({ id: 'a1', title: 'Second counter' }, 'Branch', check, 'en', 'https://tp.example/');
    expect(vars.verdicts).toBe(
      '- CSAT mean: improved, 3 → 4, effect +1 (95% interval +0.72 to +1.28; n = 60 / 60)\n- NPS: too few responses to tell (n = 12 / 40)',
    );
    expect(vars).toMatchObject({ baseline: '2026-01-01 to 2026-01-30', checkWindow: '2026-03-01 to 2026-03-30', actionLink: 'https://tp.example/actions/a1' });
    expect(verdictEmailVars({ id: 'a1', title: 'x' }, 'y', check, 'zh-CN', 'https://tp.example').verdicts).toContain('CSAT 平均分：改善');
  });

  it('name the task or the action a reminder is about', () => {
    const step = { key: 'k', kind: 'overdue' as const, dueOn: '2026-05-05', task: { id: 't', title: 'Train staff' }, to: [] };
    expect(reminderEmailVars({ id: 'a1', title: 'Second counter' }, 'Branch', step, 'en', 'https://tp.example')).toMatchObject({ item: 'Task "Train staff"', status: 'overdue', dueOn: '2026-05-05' });
    expect(reminderEmailVars({ id: 'a1', title: 'x' }, 'y', { ...step, kind: 'due-soon', task: null }, 'zh-CN', 'https://tp.example')).toMatchObject({ item: '措施本身', status: '即将到期' });
  });
});
