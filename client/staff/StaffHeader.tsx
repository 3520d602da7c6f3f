import type { Role, User } from '@shared/auth/auth.schema';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/i18n-context';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { Link } from '../lib/Link';
import { HOME_PATH } from './staff-routes';

const ROLE_LABELS: Record<Role, MessageKey> = { admin: 'role.admin', designer: 'role.designer', analyst: 'role.analyst', integration: 'role.integration' };

interface Props {
  user: User;
  onSignOut: () => void;
  signingOut: boolean;
}

export function StaffHeader({ user, onSignOut, signingOut }: Props) {
  const t = useT();
  return (
    <header className="staff-header">
      <Link className="brand" to={HOME_PATH}>
        {t('app.name')}
      </Link>
      <div className="staff-header-tools">
        <p className="current-user">{t('header.signedInAs', { name: user.name, role: t(ROLE_LABELS[user.role]) })}</p>
        <LanguageSelect />
        <button type="button" className="button button-secondary" onClick={onSignOut} disabled={signingOut}>
          {t('header.logout')}
        </button>
      </div>
    </header>
  );
}
