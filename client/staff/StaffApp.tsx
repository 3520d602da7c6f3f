import { useCallback, useEffect, useState } from 'react';
import type { User } from '@shared/auth/auth.schema';
import { fetchCurrentUser } from '../auth/session-api';
import { LoginPage } from '../auth/LoginPage';
import { PasswordChangePage } from '../auth/PasswordChangePage';
import { useT } from '../i18n/i18n-context';
import { api, ApiError } from '../lib/api-client';
import { navigate, useLocation } from '../lib/navigation';
import { loginPathFor, normalizePath, safeNextPath } from '../lib/router';
import { HOME_PATH, LOGIN_PATH } from './staff-routes';
import { StaffShell } from './StaffShell';

type Session =
  | { status: 'checking' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: User }
  | { status: 'unreachable'; networkError: boolean };

/** Asks the server who is signed in, then shows the login page or the staff shell. */
export function StaffApp() {
  const t = useT();
  const { pathname, search } = useLocation();
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const onLoginPage = normalizePath(pathname) === LOGIN_PATH;

  const checkSession = useCallback(() => {
    setSession({ status: 'checking' });
    fetchCurrentUser(api).then(
      (user) => setSession(user ? { status: 'signed-in', user } : { status: 'signed-out' }),
      (error: unknown) => {
        console.error('Could not check the session', error);
        setSession({ status: 'unreachable', networkError: error instanceof ApiError && error.isNetworkError });
      },
    );
  }, []);

  useEffect(checkSession, [checkSession]);

  // Keep the address bar truthful: signed-out users sit on /login, signed-in users never do.
  useEffect(() => {
    if (session.status === 'signed-out' && !onLoginPage) navigate(loginPathFor(pathname + search), { replace: true });
    if (session.status === 'signed-in' && onLoginPage) navigate(nextPathFrom(search), { replace: true });
  }, [session.status, onLoginPage, pathname, search]);

  switch (session.status) {
    case 'checking':
      return (
        <p className="app-status" aria-busy="true">
          {t('app.loading')}
        </p>
      );
    case 'unreachable':
      return (
        <div className="app-status" role="alert">
          <p>{session.networkError ? t('error.network') : t('error.unexpected')}</p>
          <button type="button" className="button button-primary" onClick={checkSession}>
            {t('app.retry')}
          </button>
        </div>
      );
    case 'signed-out':
      return (
        <LoginPage
          // The effect above then moves on to ?next= (or home).
          onSignedIn={(user) => setSession({ status: 'signed-in', user })}
        />
      );
    case 'signed-in': {
      const onSignedOut = () => {
        // Navigate first so the redirect effect does not turn this page into ?next=.
        navigate(LOGIN_PATH);
        setSession({ status: 'signed-out' });
      };
      if (session.user.mustChangePassword) {
        return <PasswordChangePage onChanged={(user) => setSession({ status: 'signed-in', user })} onSignedOut={onSignedOut} />;
      }
      return <StaffShell user={session.user} pathname={onLoginPage ? HOME_PATH : pathname} onSignedOut={onSignedOut} />;
    }
  }
}

function nextPathFrom(search: string): string {
  return safeNextPath(new URLSearchParams(search).get('next'), HOME_PATH);
}
