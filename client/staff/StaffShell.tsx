import { useEffect, useRef, useState } from 'react';
import type { User } from '@shared/auth/auth.schema';
import { signOut } from '../auth/session-api';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { SectionOutlet } from './SectionOutlet';
import { StaffHeader } from './StaffHeader';
import { StaffNav } from './StaffNav';
import { resolveStaffRoute } from './staff-routes';
import type { StaffRoute } from './staff-routes';
import type { MessageKey } from '../i18n/en';

function titleKeyOf(route: StaffRoute): MessageKey {
  switch (route.kind) {
    case 'home':
      return 'nav.home';
    case 'section':
      return route.section.labelKey;
    case 'forbidden':
      return 'forbidden.title';
    case 'not-found':
      return 'notFound.title';
  }
}

/** The signed-in frame: header, section navigation and the current page. */
export function StaffShell({ user, pathname, onSignedOut }: { user: User; pathname: string; onSignedOut: () => void }) {
  const t = useT();
  const route = resolveStaffRoute(pathname, user.role);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutFailed, setSignOutFailed] = useState(false);

  const pageTitle = t(titleKeyOf(route));
  useEffect(() => {
    document.title = `${pageTitle} · ${t('app.name')}`;
  }, [pageTitle, t]);

  // After in-app navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  const handleSignOut = async () => {
    setSigningOut(true);
    setSignOutFailed(false);
    try {
      await signOut(api);
      onSignedOut();
    } catch {
      setSignOutFailed(true);
      setSigningOut(false);
    }
  };

  return (
    <div className="staff-layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <StaffHeader user={user} onSignOut={() => void handleSignOut()} signingOut={signingOut} />
      {signOutFailed && (
        <p className="banner banner-error" role="alert">
          {t('header.logoutFailed')}
        </p>
      )}
      <div className="staff-body">
        <StaffNav role={user.role} pathname={pathname} />
        <main id="main" ref={mainRef} tabIndex={-1} className="staff-main">
          <SectionOutlet route={route} pathname={pathname} user={user} />
        </main>
      </div>
    </div>
  );
}
