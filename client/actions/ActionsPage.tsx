import { useLocation } from '../lib/navigation';
import { matchPath, normalizePath } from '../lib/router';
import { StatusPage } from '../staff/StatusPage';
import { ACTIONS_PATH } from './action-prefill';
import { ActionBoard } from './ActionBoard';
import { ActionCreatePage } from './ActionCreatePage';
import { ActionDetailPage } from './ActionDetailPage';
import '../lib/section-ui.css';
import './actions.css';

/** Entry of the improvement-actions section: the board, the new-action form, or one action. */
export function ActionsPage() {
  const { pathname, search } = useLocation();
  const path = normalizePath(pathname);
  if (path === ACTIONS_PATH) return <ActionBoard touchpoint={new URLSearchParams(search).get('touchpoint') ?? ''} />;
  if (path === `${ACTIONS_PATH}/new`) return <ActionCreatePage search={search} />;
  const params = matchPath(`${ACTIONS_PATH}/:id`, path);
  if (params?.id) return <ActionDetailPage key={params.id} id={params.id} />;
  return <StatusPage kind="not-found" path={path} />;
}
