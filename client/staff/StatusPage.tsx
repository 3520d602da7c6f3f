import { useT } from '../i18n/i18n-context';
import { Link } from '../lib/Link';
import { HOME_PATH } from './staff-routes';

/** Not-found and no-access pages inside the shell. */
export function StatusPage({ kind, path }: { kind: 'not-found' | 'forbidden'; path: string }) {
  const t = useT();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{kind === 'not-found' ? t('notFound.title') : t('forbidden.title')}</h1>
      <p className="page-lead">{kind === 'not-found' ? t('notFound.body', { path }) : t('forbidden.body')}</p>
      <p>
        <Link to={HOME_PATH}>{t('nav.backHome')}</Link>
      </p>
    </section>
  );
}
