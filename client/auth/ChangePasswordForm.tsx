import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { User } from '@shared/auth/auth.schema';
import { changePasswordInputSchema } from '@shared/auth/credentials.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { useAction } from '../lib/use-action';
import { credentialsApi } from './credentials-api';

const calls = credentialsApi(api);

/** Current password, new one twice; the server checks the current one and the policy again. */
export function ChangePasswordForm({ onChanged }: { onChanged: (user: User) => void }) {
  const t = useT();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, setError, run } = useAction();
  const [status, setStatus] = useState('');

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus('');
    if (next !== repeat) return setError(t('password.mismatch'));
    const input = changePasswordInputSchema.safeParse({ currentPassword: current, newPassword: next });
    if (!input.success) return setError(input.error.issues.map((issue) => t(issue.path[0] === 'currentPassword' ? 'password.current' : 'password.new') + ': ' + issue.message).join(' '));
    await run(async () => {
      const user = await calls.changePassword(input.data);
      setCurrent('');
      setNext('');
      setRepeat('');
      setStatus(t('password.changed'));
      onChanged(user);
    });
  };

  const field = (key: 'current' | 'new' | 'repeat', value: string, set: (value: string) => void) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`password.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type="password"
        autoComplete={key === 'current' ? 'current-password' : 'new-password'}
        required
        value={value}
        onChange={(event) => set(event.target.value)}
      />
    </div>
  );

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      {field('current', current, setCurrent)}
      {field('new', next, setNext)}
      {field('repeat', repeat, setRepeat)}
      <p className="hint">{t('password.policy')}</p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <p role="status">{status}</p>
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('password.submit')}
      </button>
    </form>
  );
}
