import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { createTokenInputSchema, type CreateTokenResponse } from '@shared/auth/auth.schema';
import type { ApiToken } from '@shared/auth/credentials.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Loaded } from '../lib/Loaded';
import { useAction } from '../lib/use-action';
import { useLoad } from '../lib/use-load';
import { credentialsApi } from './credentials-api';

const calls = credentialsApi(api);

/**
 * API tokens: `own` lists, creates and revokes the signed-in user's; `all` (admins) lists and revokes
 * everyone's. A new token's secret is shown once, right after it is made.
 */
export function TokensPanel({ scope }: { scope: 'own' | 'all' }) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const load = useLoad(`API tokens (${scope})`, () => calls.listTokens(scope));
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [created, setCreated] = useState<CreateTokenResponse | null>(null);
  const { busy, error, setError, run } = useAction();
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso: string | null) => (iso ? dateFormat.format(new Date(iso)) : t('tokens.never'));

  const handleCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = createTokenInputSchema.safeParse({ name, ...(days.trim() ? { expiresInDays: Number(days) } : {}) });
    if (!input.success) return setError(t('tokens.invalidInput'));
    void run(async () => {
      setCreated(await calls.createToken(input.data));
      setName('');
      setDays('');
      load.retry();
    });
  };

  const revoke = (token: ApiToken) =>
    void run(async () => {
      await calls.revokeToken(token.id);
      if (load.state.kind === 'ready') load.replace(load.state.value.filter((other) => other.id !== token.id));
    });

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(scope === 'own' ? 'tokens.ownHeading' : 'tokens.allHeading')}</h2>
      <p className="hint">{t('tokens.lead')}</p>
      {scope === 'own' && (
        <form onSubmit={handleCreate} noValidate className="field-inline">
          <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
          <input id={`${id}-name`} value={name} maxLength={100} onChange={(event) => setName(event.target.value)} />
          <label htmlFor={`${id}-days`}>{t('tokens.days')}</label>
          <input id={`${id}-days`} type="number" min={1} inputMode="numeric" value={days} onChange={(event) => setDays(event.target.value)} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('tokens.create')}
          </button>
        </form>
      )}
      {created && (
        <div className="banner" role="status">
          <p>{t('tokens.createdOnce', { name: created.name, expires: when(created.expiresAt) })}</p>
          <input aria-label={t('tokens.secret')} readOnly value={created.token} onFocus={(event) => event.target.select()} />
        </div>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <Loaded load={load} failed={t('tokens.loadFailed')} empty={{ isEmpty: (tokens) => tokens.length === 0, message: t('tokens.none') }}>
        {(tokens) => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                {scope === 'all' && <th scope="col">{t('tokens.owner')}</th>}
                <th scope="col">{t('tokens.createdAt')}</th>
                <th scope="col">{t('tokens.expiresAt')}</th>
                <th scope="col">{t('tokens.lastUsedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('tokens.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  {scope === 'all' && <td>{token.userEmail ?? '—'}</td>}
                  <td>{when(token.createdAt)}</td>
                  <td>{when(token.expiresAt)}</td>
                  <td>{when(token.lastUsedAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={t('tokens.revokeNamed', { name: token.name })}
                      disabled={busy}
                      onClick={() => revoke(token)}
                    >
                      {t('tokens.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
}
