import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { loginInputSchema } from '@shared/auth/auth.schema';
import type { User } from '@shared/auth/auth.schema';
import { useT } from '../i18n/i18n-context';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { api } from '../lib/api-client';
import { problemMessage } from '../lib/problem-message';
import { signIn } from './session-api';

export function LoginPage({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const t = useT();
  const ids = { email: useId(), password: useId() };
  const passwordRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    document.title = `${t('login.submit')} · ${t('app.name')}`;
  }, [t]);

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
    <div className="login-layout">
      <main className="login-card" aria-labelledby="login-title">
        <p className="brand">{t('app.name')}</p>
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="page-lead">{t('login.intro')}</p>
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
        <LanguageSelect />
      </main>
    </div>
  );
}
