import type { Contact } from '@shared/contacts/contact.schema';
import { useLocale, useT } from '../i18n/i18n-context';

/** Whether the contact may be emailed, as a short badge. */
export function ConsentBadge({ contact }: { contact: Pick<Contact, 'unsubscribedAt'> }) {
  const t = useT();
  const { locale } = useLocale();
  if (!contact.unsubscribedAt) return <span className="badge badge-published">{t('contacts.consent.subscribed')}</span>;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(contact.unsubscribedAt));
  return <span className="badge badge-archived">{t('contacts.consent.unsubscribedSince', { date })}</span>;
}
