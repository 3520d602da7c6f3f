import { useLocation } from '../lib/navigation';
import { matchPath, normalizePath } from '../lib/router';
import { StatusPage } from '../staff/StatusPage';
import { DistributionCreatePage } from './DistributionCreatePage';
import { DistributionDetailPage } from './DistributionDetailPage';
import { DistributionListPage } from './DistributionListPage';
import '../lib/section-ui.css';
import './distributions.css';

export const DISTRIBUTIONS_PATH = '/distributions';

/** Entry of the distributions section, loaded lazily by the staff shell: the list, the create form, or one distribution. */
export function DistributionsPage() {
  const { pathname } = useLocation();
  const path = normalizePath(pathname);
  if (path === DISTRIBUTIONS_PATH) return <DistributionListPage />;
  if (path === `${DISTRIBUTIONS_PATH}/new`) return <DistributionCreatePage />;
  const params = matchPath(`${DISTRIBUTIONS_PATH}/:id`, path);
  if (params?.id) return <DistributionDetailPage key={params.id} id={params.id} />;
  return <StatusPage kind="not-found" path={path} />;
}
