import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { TokensPanel } from '../auth/TokensPanel';
import { useT } from '../i18n/i18n-context';
import '../lib/section-ui.css';

/** Every staff member's own credentials: their password and their personal API tokens. */
export function AccountPage() {
  const t = useT();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.account')}</h1>
      <p className="page-lead">{t('account.placeholder')}</p>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">{t('password.heading')}</h2>
        <ChangePasswordForm onChanged={() => undefined} />
      </section>
      <TokensPanel scope="own" />
    </section>
  );
}
