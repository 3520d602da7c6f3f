import { useState } from 'react';
import type { User } from '@shared/auth/auth.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { AuthCard } from './AuthCard';
import { ChangePasswordForm } from './ChangePasswordForm';
import { signOut } from './session-api';

/**
 * Shown instead of the staff app while the signed-in user must replace a generated or reset password;
 * the API refuses everything else (403 password-change-required) until then.
 */
export function PasswordChangePage({ onChanged, onSignedOut }: { onChanged: (user: User) => void; onSignedOut: () => void }) {
  const t = useT();
  const [signOutFailed, setSignOutFailed] = useState(false);
  return (
    <AuthCard titleKey="password.requiredTitle" heading={t('password.requiredTitle')} lead={t('password.requiredLead')}>
      <ChangePasswordForm onChanged={onChanged} />
      {signOutFailed && (
        <p className="banner banner-error" role="alert">
          {t('header.logoutFailed')}
        </p>
      )}
      <button type="button" className="button button-secondary" onClick={() => void signOut(api).then(onSignedOut, () => setSignOutFailed(true))}>
        {t('header.logout')}
      </button>
    </AuthCard>
  );
}
