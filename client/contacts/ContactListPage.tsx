import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { useStaffRole } from '../lib/use-staff-role';
import { ContactImport } from './ContactImport';
import { contactsApi, MAY_EDIT_CONTACTS, NO_FILTERS } from './contacts-api';
import type { ContactFilters } from './contacts-api';
import { ConsentBadge } from './ConsentBadge';

/** The contacts, newest first: filters, a page at a time, and for editors the CSV import. */
export function ContactListPage() {
  const t = useT();
  const id = useId();
  const role = useStaffRole();
  const segmentsLoad = useLoad('segments', () => contactsApi(api).segments()).state;
  // A failure leaves the segment filter with no choices; the list still works.
  const segments = segmentsLoad.kind === 'ready' ? segmentsLoad.value : [];
  const [draft, setDraft] = useState<ContactFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<ContactFilters>(NO_FILTERS);
  const load = useLoad(`contacts ${JSON.stringify(filters)}`, async () => {
    const page = await contactsApi(api).list(filters);
    return { contacts: page.contacts, nextCursor: page.nextCursor, loadingMore: false };
  });
  const { state, retry, replace } = load;
  const [moreFailed, setMoreFailed] = useState(false);

  const loadMore = async () => {
    if (state.kind !== 'ready' || !state.value.nextCursor) return;
    const shown = state.value;
    setMoreFailed(false);
    replace({ ...shown, loadingMore: true });
    try {
      const page = await contactsApi(api).list(filters, shown.nextCursor);
      replace({ contacts: [...shown.contacts, ...page.contacts], nextCursor: page.nextCursor, loadingMore: false });
    } catch (error) {
      console.error('Could not load more contacts', error);
      setMoreFailed(true);
      replace({ ...shown, loadingMore: false });
    }
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft });
  };
  const set = (change: Partial<ContactFilters>) => setDraft((current) => ({ ...current, ...change }));

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.contacts')}</h1>
      <p className="page-lead">{t('contacts.placeholder')}</p>
      {role !== null && MAY_EDIT_CONTACTS.includes(role) && <ContactImport onImported={retry} />}

      <form className="panel field-row contact-filters" aria-label={t('contacts.filters.label')} onSubmit={apply}>
        <div className="field">
          <label htmlFor={`${id}-segment`}>{t('contacts.filters.segment')}</label>
          <select id={`${id}-segment`} value={draft.segment} onChange={(event) => set({ segment: event.target.value })}>
            <option value="">{t('contacts.filters.anySegment')}</option>
            {segments.map((segment) => (
              <option key={segment} value={segment}>
                {segment}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('contacts.filters.search')}</label>
          <input id={`${id}-q`} type="search" value={draft.q} maxLength={200} onChange={(event) => set({ q: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-consent`}>{t('contacts.filters.consent')}</label>
          <select
            id={`${id}-consent`}
            value={draft.unsubscribed}
            onChange={(event) => set({ unsubscribed: event.target.value as ContactFilters['unsubscribed'] })}
          >
            <option value="">{t('contacts.filters.anyConsent')}</option>
            <option value="false">{t('contacts.filters.subscribed')}</option>
            <option value="true">{t('contacts.filters.unsubscribed')}</option>
          </select>
        </div>
        <button type="submit" className="button button-primary">
          {t('contacts.filters.apply')}
        </button>
      </form>

      <Loaded load={load} failed={t('contacts.loadFailed')} empty={{ isEmpty: (page) => page.contacts.length === 0, message: t('contacts.empty') }}>
        {(page) => (
          <>
            <table className="data-table">
              <caption className="visually-hidden">{t('nav.contacts')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('contacts.column.email')}</th>
                  <th scope="col">{t('contacts.column.name')}</th>
                  <th scope="col">{t('contacts.column.segment')}</th>
                  <th scope="col">{t('contacts.column.locale')}</th>
                  <th scope="col">{t('contacts.column.consent')}</th>
                </tr>
              </thead>
              <tbody>
                {page.contacts.map((contact) => (
                  <tr key={contact.id}>
                    <th scope="row">
                      <Link to={`/contacts/${contact.id}`}>{contact.email}</Link>
                    </th>
                    <td>{contact.name ?? '—'}</td>
                    <td>{contact.segment ?? '—'}</td>
                    <td>{contact.locale ?? '—'}</td>
                    <td>
                      <ConsentBadge contact={contact} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="hint" role="status">
              {t('contacts.shown', { count: page.contacts.length })}
            </p>
            {moreFailed && (
              <p role="alert" className="field-error">
                {t('contacts.loadFailed')}
              </p>
            )}
            {page.nextCursor && (
              <button type="button" className="button button-secondary" disabled={page.loadingMore} onClick={() => void loadMore()}>
                {page.loadingMore ? t('app.loading') : t('contacts.loadMore')}
              </button>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
