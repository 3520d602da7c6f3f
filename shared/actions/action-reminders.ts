/**
 * Which reminders an improvement action is due at a given moment: pure, of the clock passed in. Each
 * step has a key that names the due date it is about, so a step goes out once (the send log holds the
 * key), and moving a due date makes the new date's reminders due again.
 */
import { addDays, dayOf } from '../http/date-range.schema';
import type { ActionPhase } from './action-phases';

/** How many days before its due date something is "due soon". */
export const DUE_SOON_DAYS = 2;

export interface ReminderSubject {
  id: string;
  phase: ActionPhase;
  plan: { owner: string; dueOn: string };
  tasks: readonly { id: string; title: string; owner: string; dueOn: string; status: 'todo' | 'doing' | 'done' }[];
}

export interface ReminderStep {
  /** Send-log key prefix of the step; one entry per recipient is `<key>/<address>`. */
  key: string;
  kind: 'due-soon' | 'overdue';
  dueOn: string;
  /** The task the reminder is about; null for the action's own due date. */
  task: { id: string; title: string } | null;
  to: string[];
}

/** due-soon from DUE_SOON_DAYS before the due day through the due day, overdue from the day after. */
function stepKind(dueOn: string, today: string): ReminderStep['kind'] | null {
  if (today > dueOn) return 'overdue';
  if (today >= addDays(dueOn, -DUE_SOON_DAYS)) return 'due-soon';
  return null;
}

/**
 * The reminder steps due at `now`: the action's own due date to its owner while it is being planned or
 * done, and each open task's due date to the task's owner and the action's owner. Only the latest step
 * of each date is due (a due-soon missed while the sweep was down is not sent once the date has passed).
 */
export function dueActionReminders(action: ReminderSubject, now: Date): ReminderStep[] {
  if (action.phase !== 'plan' && action.phase !== 'do') return [];
  const today = dayOf(now);
  const steps: ReminderStep[] = [];
  const own = stepKind(action.plan.dueOn, today);
  if (own) steps.push({ key: `action-reminder/${action.id}/action/${action.plan.dueOn}/${own}`, kind: own, dueOn: action.plan.dueOn, task: null, to: [action.plan.owner] });
  for (const task of action.tasks) {
    if (task.status === 'done') continue;
    const kind = stepKind(task.dueOn, today);
    if (!kind) continue;
    const to = [...new Set([task.owner, action.plan.owner])];
    steps.push({ key: `action-reminder/${action.id}/task-${task.id}/${task.dueOn}/${kind}`, kind, dueOn: task.dueOn, task: { id: task.id, title: task.title }, to });
  }
  return steps;
}
