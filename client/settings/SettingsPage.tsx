import { TokensPanel } from '../auth/TokensPanel';
import { UsersPanel } from '../auth/UsersPanel';
import { useT } from '../i18n/i18n-context';
import { EmailTemplatesEditor } from './EmailTemplatesEditor';
import { ThemesEditor } from './ThemesEditor';
import '../lib/section-ui.css';

/** Entry of the settings section, loaded lazily by the staff shell. */
export function SettingsPage() {
  const t = useT();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.settings')}</h1>
      <p className="page-lead">{t('settings.placeholder')}</p>
      <UsersPanel />
      <TokensPanel scope="all" />
      <EmailTemplatesEditor />
      <ThemesEditor />
    </section>
  );
}
