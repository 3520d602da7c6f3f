import { useEffect } from 'react';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/i18n-context';
import { LanguageSelect } from '../i18n/LanguageSelect';

/** The frame of the pages shown outside the staff app (sign in, forced password change). */
export function AuthCard({ titleKey, heading, lead, children }: { titleKey: MessageKey; heading: string; lead: string; children: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = `${t(titleKey)} · ${t('app.name')}`;
  }, [t, titleKey]);
  return (
    <div className="login-layout">
      <main className="login-card" aria-labelledby="auth-card-title">
        <p className="brand">{t('app.name')}</p>
        <h1 id="auth-card-title">{heading}</h1>
        <p className="page-lead">{lead}</p>
        {children}
        <LanguageSelect />
      </main>
    </div>
  );
}
