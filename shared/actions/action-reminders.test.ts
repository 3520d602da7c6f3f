import { describe, expect, it } from 'vitest';
import { dueActionReminders, type ReminderSubject } from './action-reminders';

const action: ReminderSubject = {
  id: 'a1',
  phase: 'do',
  plan: { owner: 'owner@example.test', dueOn: '2026-05-10' },
  tasks: [
    { id: 't1', title: 'Train staff', owner: 'lead@example.test', dueOn: '2026-05-05', status: 'doing' },
    { id: 't2', title: 'Print signs', owner: 'owner@example.test', dueOn: '2026-05-05', status: 'done' },
  ],
};
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('dueActionReminders', () => {
  it('is quiet until two days before a due date', () => {
    expect(dueActionReminders(action, at('2026-05-02'))).toEqual([]);
  });

  it('reminds a task owner and the action owner when the task is due soon, and skips done tasks', () => {
    expect(dueActionReminders(action, at('2026-05-03'))).toEqual([
      { key: 'action-reminder/a1/task-t1/2026-05-05/due-soon', kind: 'due-soon', dueOn: '2026-05-05', task: { id: 't1', title: 'Train staff' }, to: ['lead@example.test', 'owner@example.test'] },
    ]);
  });

  it('says overdue from the day after, and due soon for the action itself', () => {
    const steps = dueActionReminders(action, at('2026-05-08'));
    expect(steps.map((s) => s.key)).toEqual(['action-reminder/a1/action/2026-05-10/due-soon', 'action-reminder/a1/task-t1/2026-05-05/overdue']);
    expect(dueActionReminders(action, new Date('2026-05-10T23:59:59Z'))[0]?.kind).toBe('due-soon');
    expect(dueActionReminders(action, new Date('2026-05-11T00:00:00Z'))[0]?.kind).toBe('overdue');
  });

  it('stops once the action is completed', () => {
    expect(dueActionReminders({ ...action, phase: 'check' }, at('2026-06-01'))).toEqual([]);
  });
});
