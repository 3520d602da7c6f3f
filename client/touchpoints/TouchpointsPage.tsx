import { useState } from 'react';
import type { Role } from '@shared/auth/auth.schema';
import type { Touchpoint } from '@shared/touchpoints/touchpoint.schema';
import { fetchCurrentUser } from '../auth/session-api';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { targetParts } from './target-text';
import { TouchpointForm } from './TouchpointForm';
import { touchpointsApi } from './touchpoints-api';
import '../lib/section-ui.css';
import './touchpoints.css';
import { LoadFailed } from '../lib/LoadFailed';
import { Link } from '../lib/Link';
import { useLocation } from '../lib/navigation';
import { matchPath, normalizePath } from '../lib/router';
import { useLoad } from '../lib/use-load';
import { StandardPage } from '../standards/StandardPage';
import { StatusPage } from '../staff/StatusPage';

const MAY_EDIT: readonly Role[] = ['admin', 'designer'];

const TOUCHPOINTS_PATH = '/touchpoints';

/** Entry of the touchpoints section, loaded lazily by the staff shell: the list, or one touchpoint's standard. */
export function TouchpointsPage() {
  const path = normalizePath(useLocation().pathname);
  if (path === TOUCHPOINTS_PATH) return <TouchpointListPage />;
  const standard = matchPath(`${TOUCHPOINTS_PATH}/:key/standard`, path);
  if (standard?.key) return <StandardPage key={standard.key} touchpointKey={standard.key} />;
  return <StatusPage kind="not-found" path={path} />;
}

/** The touchpoints of the customer journey, each linked to its standard, and for designers a form to define them. */
function TouchpointListPage() {
  const t = useT();
  const { state, retry, replace } = useLoad('touchpoints', async () => {
    const [touchpoints, user] = await Promise.all([touchpointsApi(api).list(), fetchCurrentUser(api)]);
    return { touchpoints, role: user?.role ?? null };
  });
  const [editing, setEditing] = useState<Touchpoint | null>(null);
  const [notice, setNotice] = useState('');

  const saved = (touchpoint: Touchpoint) => {
    if (state.kind === 'ready') {
      const others = state.value.touchpoints.filter((existing) => existing.key !== touchpoint.key);
      replace({ ...state.value, touchpoints: [...others, touchpoint].sort((a, b) => a.key.localeCompare(b.key)) });
    }
    setNotice(t(editing ? 'touchpoints.notice.updated' : 'touchpoints.notice.created', { name: touchpoint.name }));
    setEditing(null);
  };

  const role = state.kind === 'ready' ? state.value.role : null;
  const mayEdit = role !== null && MAY_EDIT.includes(role);
  const targetText = (touchpoint: Touchpoint) => targetParts(t, touchpoint.target).join(' · ') || '—';

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.touchpoints')}</h1>
      <p className="page-lead">{t('touchpoints.placeholder')}</p>
      <p role="status" className="touchpoints-notice">
        {notice}
      </p>
      {state.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {state.kind === 'failed' && (
        <LoadFailed message={t('touchpoints.loadFailed')} onRetry={retry} />
      )}
      {state.kind === 'ready' && state.value.touchpoints.length === 0 && <p>{t('touchpoints.empty')}</p>}
      {state.kind === 'ready' && state.value.touchpoints.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('nav.touchpoints')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('touchpoints.form.name')}</th>
              <th scope="col">{t('touchpoints.form.key')}</th>
              <th scope="col">{t('touchpoints.form.owners')}</th>
              <th scope="col">{t('touchpoints.form.targets')}</th>
              <th scope="col">{t('standards.column')}</th>
              {mayEdit && <th scope="col">{t('touchpoints.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {state.value.touchpoints.map((touchpoint) => (
              <tr key={touchpoint.key}>
                <th scope="row">{touchpoint.name}</th>
                <td>
                  <code>{touchpoint.key}</code>
                </td>
                <td>{touchpoint.owners.join(', ') || '—'}</td>
                <td>{targetText(touchpoint)}</td>
                <td>
                  <Link to={`${TOUCHPOINTS_PATH}/${encodeURIComponent(touchpoint.key)}/standard`} aria-label={t('standards.open', { name: touchpoint.name })}>
                    {t('standards.openShort')}
                  </Link>
                </td>
                {mayEdit && (
                  <td>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={t('touchpoints.edit', { name: touchpoint.name })}
                      onClick={() => setEditing(touchpoint)}
                    >
                      {t('touchpoints.editShort')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayEdit && (
        <TouchpointForm
          key={editing?.key ?? 'new'}
          editing={editing ?? undefined}
          onSaved={saved}
          onCancel={editing ? () => setEditing(null) : undefined}
        />
      )}
    </section>
  );
}
