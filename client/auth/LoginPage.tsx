import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { loginInputSchema } from '@shared/auth/auth.schema';
import type { User } from '@shared/auth/auth.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { problemMessage } from '../lib/problem-message';
import { AuthCard } from './AuthCard';
import { signIn } from './session-api';

export function LoginPage({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const t = useT();
  const ids = { email: useId(), password: useId() };
  const passwordRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = loginInputSchema.safeParse({ email, password });
    if (!input.success) {
      setError(t('login.invalidInput'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      onSignedIn(await signIn(api, input.data));
    } catch (failure) {
      setError(problemMessage(failure, t));
      setPassword('');
      setSubmitting(false);
      passwordRef.current?.focus();
    }
  };

  return (
    <AuthCard titleKey="login.submit" heading={t('login.title')} lead={t('login.intro')}>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        {error && (
          <div className="banner banner-error" role="alert">
            <strong>{t('login.failed')}</strong> {error}
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.email}>{t('login.email')}</label>
          <input
            id={ids.email}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('login.password')}</label>
          <input
            id={ids.password}
            ref={passwordRef}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </AuthCard>
  );
}
