import { useState } from 'react';
import type { Role } from '@shared/auth/auth.schema';
import type { Touchpoint } from '@shared/touchpoints/touchpoint.schema';
import { fetchCurrentUser } from '../auth/session-api';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { TARGET_FIELDS } from './touchpoint-form';
import { targetLabel, TouchpointForm } from './TouchpointForm';
import { touchpointsApi } from './touchpoints-api';
import '../lib/section-ui.css';
import './touchpoints.css';
import { LoadFailed } from '../lib/LoadFailed';
import { useLoad } from '../lib/use-load';

const MAY_EDIT: readonly Role[] = ['admin', 'designer'];

/** Entry of the touchpoints section: the touchpoints of the customer journey, and for designers a form to define them. */
export function TouchpointsPage() {
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
  const targetText = (touchpoint: Touchpoint) =>
    TARGET_FIELDS.filter((field) => touchpoint.target[field] !== undefined)
      .map((field) => `${t(targetLabel(field))}: ${touchpoint.target[field]}`)
      .join(' · ') || '—';

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
