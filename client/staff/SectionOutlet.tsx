import { Suspense } from 'react';
import type { User } from '@shared/auth/auth.schema';
import { useT } from '../i18n/i18n-context';
import { SECTION_PAGES } from './section-pages';
import { SectionErrorBoundary } from './SectionErrorBoundary';
import type { StaffRoute } from './staff-routes';
import { StaffHome } from './StaffHome';
import { StatusPage } from './StatusPage';

/** Renders the page for the resolved route; sections load lazily behind a loading message. */
export function SectionOutlet({ route, pathname, user }: { route: StaffRoute; pathname: string; user: User }) {
  const t = useT();
  switch (route.kind) {
    case 'home':
      return <StaffHome user={user} />;
    case 'not-found':
    case 'forbidden':
      return <StatusPage kind={route.kind} path={pathname} />;
    case 'section': {
      const Page = SECTION_PAGES[route.section.id];
      return (
        <SectionErrorBoundary key={pathname} fallback={<p role="alert">{t('section.loadFailed')}</p>}>
          <Suspense fallback={<p aria-busy="true">{t('app.loading')}</p>}>
            <Page />
          </Suspense>
        </SectionErrorBoundary>
      );
    }
  }
}
