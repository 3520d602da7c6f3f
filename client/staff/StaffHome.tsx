import type { User } from '@shared/auth/auth.schema';
import { useT } from '../i18n/i18n-context';
import { Link } from '../lib/Link';
import { sectionsFor } from './staff-routes';

/** The start page after signing in: a short welcome and the sections this role can open. */
export function StaffHome({ user }: { user: User }) {
  const t = useT();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('home.title', { name: user.name })}</h1>
      <p className="page-lead">{t('home.intro')}</p>
      <ul className="card-grid">
        {sectionsFor(user.role).map((section) => (
          <li key={section.id}>
            <Link className="card" to={section.path}>
              <span className="card-title">{t(section.labelKey)}</span>
              <span className="card-body">{t(section.placeholderKey)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
