import { useEffect, useState } from 'react';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { LoadFailed } from '../lib/LoadFailed';
import { useLoad } from '../lib/use-load';
import { distributionsApi } from './distributions-api';
import { KIND_LABELS, SEND_STATUS_LABELS } from './use-distribution-names';

export const OUTBOX_PAGE_SIZE = 20;

/**
 * One distribution's send log, a page at a time. `refresh` changes whenever the parent polls, and the
 * page shown is fetched again (same cursor), so statuses move without the reader losing their place.
 */
export function OutboxTable({ distributionId, refresh }: { distributionId: string; refresh: number }) {
  const t = useT();
  const { locale } = useLocale();
  /** Cursors of the pages visited so far; the last one is the page shown (null: the first page). */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const { state, retry, refresh: reload } = useLoad(`outbox ${distributionId} ${cursor ?? 'first'}`, () =>
    distributionsApi(api).outbox(distributionId, cursor, OUTBOX_PAGE_SIZE),
  );

  // A poll reloads the page shown quietly (no loading flash, the reader keeps their place); a failed poll keeps it.
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);

  const turn = (change: (current: (string | null)[]) => (string | null)[]) => setCursors(change);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const next = state.kind === 'ready' ? state.value.next : null;

  return (
    <section aria-labelledby="outbox-heading">
      <h2 id="outbox-heading" className="section-heading">
        {t('distributions.outbox.heading')}
      </h2>
      {state.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {state.kind === 'failed' && <LoadFailed message={t('distributions.outbox.loadFailed')} onRetry={retry} />}
      {state.kind === 'ready' && state.value.entries.length === 0 && cursors.length === 1 && <p>{t('distributions.outbox.empty')}</p>}
      {state.kind === 'ready' && (state.value.entries.length > 0 || cursors.length > 1) && (
        <>
          <div className="table-scroll">
            <table className="data-table outbox-table">
              <caption className="visually-hidden">
                {t('distributions.outbox.heading')}, {t('distributions.outbox.page', { page: cursors.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('distributions.outbox.recipient')}</th>
                  <th scope="col">{t('distributions.outbox.kind')}</th>
                  <th scope="col">{t('distributions.outbox.status')}</th>
                  <th scope="col" className="numeric">
                    {t('distributions.outbox.attempts')}
                  </th>
                  <th scope="col">{t('distributions.outbox.error')}</th>
                  <th scope="col">{t('distributions.outbox.sentAt')}</th>
                </tr>
              </thead>
              <tbody>
                {state.value.entries.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">{entry.to}</th>
                    <td>{t(KIND_LABELS[entry.kind])}</td>
                    <td>
                      <span className={`badge send-status-${entry.status}`}>{t(SEND_STATUS_LABELS[entry.status])}</span>
                    </td>
                    <td className="numeric">{entry.attempts}</td>
                    <td>{entry.error ? [entry.error.responseCode, entry.error.message].filter((part) => part !== null).join(' ') : '—'}</td>
                    <td>{entry.sentAt ? dateFormat.format(new Date(entry.sentAt)) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {(cursors.length > 1 || state.value.next) && (
            <nav className="button-row" aria-label={t('distributions.outbox.heading')}>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={cursors.length === 1}
                onClick={() => turn((current) => current.slice(0, -1))}
              >
                {t('distributions.outbox.previous')}
              </button>
              <span className="outbox-page">{t('distributions.outbox.page', { page: cursors.length })}</span>
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={!next}
                onClick={() => next && turn((current) => [...current, next])}
              >
                {t('distributions.outbox.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
