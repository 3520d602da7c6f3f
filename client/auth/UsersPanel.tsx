import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ROLES, createUserInputSchema, passwordSchema, type Role, type User } from '@shared/auth/auth.schema';
import type { UpdateUserInput } from '@shared/auth/credentials.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Loaded } from '../lib/Loaded';
import { useAction } from '../lib/use-action';
import { useLoad } from '../lib/use-load';
import { credentialsApi } from './credentials-api';
import { ROLE_LABELS } from './role-labels';
import { fetchCurrentUser } from './session-api';

const calls = credentialsApi(api);

/**
 * Settings → Users (admins): add staff, change a role, disable or enable, set a temporary password.
 * Each change signs that user out everywhere; changing oneself therefore ends this session too.
 */
export function UsersPanel() {
  const t = useT();
  const id = useId();
  const load = useLoad('staff users', async () => ({ users: await calls.listUsers(), me: await fetchCurrentUser(api) }));
  const { busy, error, setError, run: runAction } = useAction();
  const [status, setStatus] = useState('');
  const [resetFor, setResetFor] = useState<string | null>(null);
  const [temporary, setTemporary] = useState('');
  const [draft, setDraft] = useState({ email: '', name: '', role: 'analyst' as Role, password: '' });

  /** Runs a change and puts the user it returns into the list shown (no reload, no flash). */
  const run = async (action: () => Promise<{ user: User; message: string }>, self = false) => {
    setStatus('');
    const done = await runAction(async () => {
      const { user, message } = await action();
      setStatus(message);
      if (load.state.kind !== 'ready') return;
      const { users, me } = load.state.value;
      const known = users.some((other) => other.id === user.id);
      load.replace({ me, users: known ? users.map((other) => (other.id === user.id ? user : other)) : [...users, user] });
    });
    // A change to oneself ended this session: start over at the sign-in page.
    if (done && self) window.location.reload();
    // A refused change (a role select already moved) shows the list as it is.
    if (!done) load.retry();
  };
  const update = (user: User, input: UpdateUserInput, me: User | null) =>
    void run(async () => ({ user: await calls.updateUser(user.id, input), message: t('users.updated', { email: user.email }) }), user.id === me?.id);

  const handleCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = createUserInputSchema.safeParse(draft);
    if (!input.success) return setError(input.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join(' '));
    void run(async () => {
      const user = await calls.createUser(input.data);
      setDraft({ email: '', name: '', role: 'analyst', password: '' });
      return { user, message: t('users.created', { email: user.email }) };
    });
  };

  const handleReset = (event: FormEvent<HTMLFormElement>, user: User, me: User | null) => {
    event.preventDefault();
    const password = passwordSchema.safeParse(temporary);
    if (!password.success) return setError(t('password.policy'));
    void run(async () => {
      const reset = await calls.resetPassword(user.id, { password: password.data });
      setResetFor(null);
      setTemporary('');
      return { user: reset, message: t('users.resetDone', { email: user.email }) };
    }, user.id === me?.id);
  };

  const roleSelect = (value: Role, onChange: (role: Role) => void, label: string, elementId?: string) => (
    <select id={elementId} aria-label={elementId ? undefined : label} value={value} disabled={busy} onChange={(event) => onChange(event.target.value as Role)}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(ROLE_LABELS[role])}
        </option>
      ))}
    </select>
  );

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('users.heading')}</h2>
      <p className="hint">{t('users.lead')}</p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <p role="status">{status}</p>
      <Loaded load={load} failed={t('users.loadFailed')}>
        {({ users, me }) => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('login.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('tokens.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td>{user.email}</td>
                  <td>{roleSelect(user.role, (role) => update(user, { role }, me), t('users.roleOf', { email: user.email }))}</td>
                  <td>{t(user.disabled ? 'users.disabled' : user.mustChangePassword ? 'users.mustChange' : 'users.active')}</td>
                  <td>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={busy}
                        aria-label={t(user.disabled ? 'users.enableNamed' : 'users.disableNamed', { email: user.email })}
                        onClick={() => update(user, { disabled: !user.disabled }, me)}
                      >
                        {t(user.disabled ? 'users.enable' : 'users.disable')}
                      </button>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={busy}
                        aria-label={t('users.resetNamed', { email: user.email })}
                        onClick={() => setResetFor(resetFor === user.id ? null : user.id)}
                      >
                        {t('users.reset')}
                      </button>
                    </div>
                    {resetFor === user.id && (
                      <form className="field-inline" onSubmit={(event) => handleReset(event, user, me)} noValidate>
                        <label htmlFor={`${id}-reset-${user.id}`}>{t('users.temporaryPassword')}</label>
                        <input id={`${id}-reset-${user.id}`} type="text" autoComplete="off" value={temporary} onChange={(event) => setTemporary(event.target.value)} />
                        <button type="submit" className="button button-primary button-small" disabled={busy}>
                          {t('users.resetSubmit')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <form onSubmit={handleCreate} noValidate>
        <h3>{t('users.add')}</h3>
        <div className="field-inline">
          <label htmlFor={`${id}-new-name`}>{t('users.name')}</label>
          <input id={`${id}-new-name`} value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
          <label htmlFor={`${id}-new-email`}>{t('login.email')}</label>
          <input id={`${id}-new-email`} type="email" value={draft.email} onChange={(event) => setDraft({ ...draft, email: event.target.value })} />
          <label htmlFor={`${id}-new-role`}>{t('users.role')}</label>
          {roleSelect(draft.role, (role) => setDraft({ ...draft, role }), t('users.role'), `${id}-new-role`)}
          <label htmlFor={`${id}-new-password`}>{t('login.password')}</label>
          <input id={`${id}-new-password`} type="text" autoComplete="off" value={draft.password} onChange={(event) => setDraft({ ...draft, password: event.target.value })} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('users.addSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
