import { SectionPlaceholder } from '../staff/SectionPlaceholder';

/** Entry of the contacts section, loaded lazily by the staff shell. */
export function ContactsPage() {
  return <SectionPlaceholder titleKey="nav.contacts" descriptionKey="contacts.placeholder" />;
}
