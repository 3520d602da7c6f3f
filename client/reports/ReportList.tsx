import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { useStaffRole } from '../lib/use-staff-role';
import { DEFINITIONS_PATH } from './DefinitionsPage';
import { reportsApi } from './reports-api';

const calls = reportsApi(api);

/** Past reports, newest first, each linking to its printable page. */
export function ReportList() {
  const t = useT();
  const load = useLoad('reports', () => calls.list());
  const role = useStaffRole();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.reports')}</h1>
      <p className="page-lead">{t('reports.placeholder')}</p>
      {role === 'admin' && (
        <p>
          <Link to={DEFINITIONS_PATH}>{t('reports.definitions.manage')}</Link>
        </p>
      )}
      <Loaded load={load} failed={t('reports.loadFailed')} empty={{ isEmpty: (list) => list.length === 0, message: t('reports.none') }}>
        {(reports) => (
          <ul className="report-list">
            {reports.map((report) => (
              <li key={report.id}>
                <Link to={`/reports/${report.id}`}>{t('reports.title', { name: report.name, period: report.period.key })}</Link>
                <span className="report-list-meta"> · {report.survey.title} · {t('reports.sentTo', { n: report.sentTo.length })}</span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
