import { useLocation } from '../lib/navigation';
import { matchPath, normalizePath } from '../lib/router';
import { StatusPage } from '../staff/StatusPage';
import { DefinitionsPage, DEFINITIONS_PATH } from './DefinitionsPage';
import { ReportList } from './ReportList';
import { ReportView } from './ReportView';
import '../lib/section-ui.css';
import './reports.css';

export const REPORTS_PATH = '/reports';

/** Entry of the reports section: the past reports, one report as it prints, or (admins) the definitions. */
export function ReportsPage() {
  const path = normalizePath(useLocation().pathname);
  if (path === REPORTS_PATH) return <ReportList />;
  if (path === DEFINITIONS_PATH) return <DefinitionsPage />;
  const params = matchPath(`${REPORTS_PATH}/:id`, path);
  if (params?.id) return <ReportView key={params.id} id={params.id} />;
  return <StatusPage kind="not-found" path={path} />;
}
