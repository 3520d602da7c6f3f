import type { ServiceReport } from '@shared/reports/report.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { ActionsSection, CasesSection, HeadlineSection, MoversSection, ThemesSection } from './ReportSections';
import { reportsApi } from './reports-api';

const calls = reportsApi(api);

/**
 * One built report as it reads on screen and prints on A4 (reports.css): the same data as its email,
 * section by section, with a button that opens the browser's print dialog (save as PDF there).
 */
export function ReportView({ id }: { id: string }) {
  const t = useT();
  const load = useLoad(`report ${id}`, () => calls.get(id));
  const back = <Link to="/reports">{t('reports.back')}</Link>;
  return (
    <Loaded load={load} failed={t('reports.loadFailed')} failedExtra={back} notFound={<p role="alert">{t('reports.notFound')} {back}</p>}>
      {(report) => (
        <article className="page service-report" aria-labelledby="page-title">
          <p className="report-screen-only">{back}</p>
          <header className="report-head">
            <h1 id="page-title">{t('reports.title', { name: report.name, period: report.period.key })}</h1>
            <p>{t('reports.meta', { survey: report.survey.title, from: report.period.from, to: report.period.to, built: report.builtAt.slice(0, 16).replace('T', ' ') })}</p>
            <button type="button" className="button report-screen-only" onClick={() => window.print()}>
              {t('reports.print')}
            </button>
          </header>
          <ReportBody report={report} />
        </article>
      )}
    </Loaded>
  );
}

/** The sections of a report, built or previewed: the same on screen, on paper and in an admin's preview. */
export function ReportBody({ report }: { report: ServiceReport }) {
  const t = useT();
  return (
    <>
      <HeadlineSection rows={report.sections.headline} />
      <MoversSection movers={report.sections.movers} names={new Map(report.sections.headline.map((row) => [row.touchpoint, row.name]))} />
      <CasesSection rows={report.sections.cases} headline={report.sections.headline} />
      <ActionsSection actions={report.sections.actions} />
      <ThemesSection themes={report.sections.themes} />
      {report.sectionsLeftOut.length > 0 && <p className="report-note">{t('reports.leftOut', { sections: report.sectionsLeftOut.join(', ') })}</p>}
    </>
  );
}
