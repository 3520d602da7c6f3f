import { caseRefSchema } from '@shared/cases/case-api.schema';
import { useLocation } from '../lib/navigation';
import { matchPath, normalizePath } from '../lib/router';
import { StatusPage } from '../staff/StatusPage';
import { CaseDetailPage } from './CaseDetailPage';
import { CaseInbox } from './CaseInbox';
import '../lib/section-ui.css';
import './cases.css';

export const CASES_PATH = '/cases';

/** Entry of the cases section: the inbox, or one case by its number (the link escalation emails carry). */
export function CasesPage() {
  const { pathname } = useLocation();
  const path = normalizePath(pathname);
  if (path === CASES_PATH) return <CaseInbox />;
  const ref = matchPath(`${CASES_PATH}/:ref`, path)?.ref;
  if (ref && caseRefSchema.safeParse(ref).success) return <CaseDetailPage key={ref} caseRef={ref} />;
  return <StatusPage kind="not-found" path={path} />;
}
