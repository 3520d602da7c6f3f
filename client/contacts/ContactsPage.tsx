import { useLocation } from '../lib/navigation';
import { matchPath, normalizePath } from '../lib/router';
import { StatusPage } from '../staff/StatusPage';
import { ContactDetailPage } from './ContactDetailPage';
import { ContactListPage } from './ContactListPage';
import '../lib/section-ui.css';
import './contacts.css';

export const CONTACTS_PATH = '/contacts';

/** Entry of the contacts section, loaded lazily by the staff shell: the list, or one contact. */
export function ContactsPage() {
  const { pathname } = useLocation();
  const path = normalizePath(pathname);
  if (path === CONTACTS_PATH) return <ContactListPage />;
  const params = matchPath(`${CONTACTS_PATH}/:id`, path);
  if (params?.id) return <ContactDetailPage key={params.id} id={params.id} />;
  return <StatusPage kind="not-found" path={path} />;
}
