import { useState, type FormEvent } from 'react';
import { ACTION_TASK_STATUSES, type Action } from '@shared/actions/action.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { useAction } from '../lib/use-action';
import { OwnerDueFields } from './OwnerDueFields';
import { actionsApi } from './actions-api';

/** The Do phase's tasks: each with owner, due date and status; new ones while the action is planned or done. */
export function ActionTasks({ action, onChanged }: { action: Action; onChanged: (next: Action) => void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const open = action.phase === 'plan' || action.phase === 'do';
  const add = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      onChanged(await actionsApi(api).addTask(action.id, { title, owner, dueOn }));
      setTitle('');
    });
  };
  return (
    <section className="panel" aria-labelledby="action-tasks">
      <h2 id="action-tasks">{t('actions.tasks.heading')}</h2>
      {action.tasks.length === 0 ? (
        <p className="hint">{t('actions.tasks.empty')}</p>
      ) : (
        <ul className="action-tasks">
          {action.tasks.map((task) => (
            <li key={task.id}>
              {t('actions.tasks.line', { title: task.title, owner: task.owner, date: task.dueOn })}{' '}
              <select
                aria-label={t('actions.tasks.status', { title: task.title })}
                value={task.status}
                disabled={busy}
                onChange={(e) => void run(async () => onChanged(await actionsApi(api).updateTask(action.id, task.id, { status: e.target.value as (typeof ACTION_TASK_STATUSES)[number] })))}
              >
                {ACTION_TASK_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`actions.taskStatus.${status}`)}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <form className="form-inline" onSubmit={add}>
          <label>
            {t('actions.tasks.title')}
            <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
          </label>
          <OwnerDueFields owner={owner} dueOn={dueOn} onOwner={setOwner} onDueOn={setDueOn} />
          <button type="submit" disabled={busy}>
            {t('actions.tasks.add')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
