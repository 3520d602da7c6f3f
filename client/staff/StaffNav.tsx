import type { Role } from '@shared/auth/auth.schema';
import { useT } from '../i18n/i18n-context';
import { Link } from '../lib/Link';
import { isCurrentSection, sectionsFor } from './staff-routes';

/** Section navigation; only the sections the role may open are listed. */
export function StaffNav({ role, pathname }: { role: Role; pathname: string }) {
  const t = useT();
  return (
    <nav className="staff-nav" aria-label={t('nav.label')}>
      <ul>
        {sectionsFor(role).map((section) => (
          <li key={section.id}>
            <Link to={section.path} aria-current={isCurrentSection(section, pathname) ? 'page' : undefined}>
              {t(section.labelKey)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
