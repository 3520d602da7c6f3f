import { useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../i18n/i18n-context';
import { api, ApiError } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { downloadFile } from '../lib/download';
import { navigate } from '../lib/navigation';
import { useLoad } from '../lib/use-load';
import { useStaffRole } from '../lib/use-staff-role';
import { ConsentBadge } from './ConsentBadge';
import { contactsApi, MAY_EDIT_CONTACTS } from './contacts-api';

/** One contact: its fields and attributes, email consent, and the data-subject actions (export, erase). */
export function ContactDetailPage({ id }: { id: string }) {
  const t = useT();
  const { locale } = useLocale();
  const role = useStaffRole();
  const load = useLoad(`contact ${id}`, () => contactsApi(api).get(id));
  const { state, replace } = load;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const back = (
    <p>
      <Link to="/contacts">{t('contacts.detail.back')}</Link>
    </p>
  );
  if (state.kind !== 'ready') {
    return (
      <section className="page" aria-labelledby="page-title">
        {back}
        <h1 id="page-title">{t('nav.contacts')}</h1>
        <Loaded load={load} failed={t('contacts.loadFailed')} notFound={<p>{t('contacts.detail.notFound')}</p>} />
      </section>
    );
  }

  const contact = state.value;
  const mayEdit = role !== null && MAY_EDIT_CONTACTS.includes(role);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const run = async (action: () => Promise<void>, failedMessage: string) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      console.error(failedMessage, error);
      setFailure(error instanceof ApiError && error.isNetworkError ? t('error.network') : failedMessage);
    } finally {
      setBusy(false);
    }
  };
  const toggleConsent = () =>
    run(async () => {
      const contacts = contactsApi(api);
      const updated = contact.unsubscribedAt ? await contacts.resubscribe(contact.id) : await contacts.unsubscribe(contact.id);
      replace(updated);
    }, t('contacts.consent.failed'));
  const exportData = () =>
    run(async () => downloadFile(`contact-${contact.id}.json`, JSON.stringify(await contactsApi(api).exportData(contact.id), null, 2), 'application/json'), t('contacts.privacy.exportFailed'));
  const erase = () =>
    run(async () => {
      await contactsApi(api).erase(contact.id);
      navigate('/contacts');
    }, t('contacts.privacy.eraseFailed'));
  const attributes = Object.entries(contact.attributes);

  return (
    <section className="page" aria-labelledby="page-title">
      {back}
      <h1 id="page-title">{contact.name ?? contact.email}</h1>
      <dl className="contact-fields">
        <dt>{t('contacts.column.email')}</dt>
        <dd>{contact.email}</dd>
        <dt>{t('contacts.column.name')}</dt>
        <dd>{contact.name ?? '—'}</dd>
        <dt>{t('contacts.detail.phone')}</dt>
        <dd>{contact.phone ?? '—'}</dd>
        <dt>{t('contacts.column.segment')}</dt>
        <dd>{contact.segment ?? '—'}</dd>
        <dt>{t('contacts.column.locale')}</dt>
        <dd>{contact.locale ?? '—'}</dd>
        <dt>{t('contacts.detail.lastSurveyed')}</dt>
        <dd>{contact.lastSurveyedAt ? dateFormat.format(new Date(contact.lastSurveyedAt)) : t('contacts.detail.never')}</dd>
        <dt>{t('contacts.detail.created')}</dt>
        <dd>{dateFormat.format(new Date(contact.createdAt))}</dd>
        <dt>{t('contacts.column.consent')}</dt>
        <dd>
          <ConsentBadge contact={contact} />
          {mayEdit && (
            <button type="button" className="button button-secondary button-small contact-consent-button" disabled={busy} onClick={() => void toggleConsent()}>
              {contact.unsubscribedAt ? t('contacts.consent.resubscribe') : t('contacts.consent.unsubscribe')}
            </button>
          )}
        </dd>
      </dl>

      <h2 className="section-heading">{t('contacts.detail.attributes')}</h2>
      {attributes.length === 0 ? (
        <p>{t('contacts.detail.noAttributes')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('contacts.detail.attributes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('contacts.detail.attribute')}</th>
              <th scope="col">{t('contacts.detail.value')}</th>
            </tr>
          </thead>
          <tbody>
            {attributes.map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{String(value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
      {mayEdit && (
        <div className="panel contact-privacy">
          <h2>{t('contacts.privacy.heading')}</h2>
          <p className="hint">{t('contacts.privacy.exportHint')}</p>
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void exportData()}>
            {t('contacts.privacy.export')}
          </button>
          {role === 'admin' && (
            <>
              <p className="hint">{t('contacts.privacy.eraseHint')}</p>
              {!confirming ? (
                <button type="button" className="button button-danger" disabled={busy} onClick={() => setConfirming(true)}>
                  {t('contacts.privacy.erase')}
                </button>
              ) : (
                <div role="alertdialog" aria-labelledby="contact-erase-heading" className="danger-confirm">
                  <h3 id="contact-erase-heading" ref={confirmHeading} tabIndex={-1}>
                    {t('contacts.privacy.confirmHeading', { email: contact.email })}
                  </h3>
                  <div className="button-row">
                    <button type="button" className="button button-danger" disabled={busy} onClick={() => void erase()}>
                      {t('contacts.privacy.confirm')}
                    </button>
                    <button type="button" className="button button-secondary" disabled={busy} onClick={() => setConfirming(false)}>
                      {t('contacts.privacy.cancel')}
                    </button>
                  </div>
                </div>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
