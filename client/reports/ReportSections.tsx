import { createContext, useContext, type ReactNode } from 'react';
import { humanDuration, moverNumbers, percentText, pValueText, scoreTexts, shareText } from '@shared/reports/report-format';
import type { ReportSections } from '@shared/reports/report.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { ScoreCharts, SlaChart, ThemesChart } from './ReportCharts';

/** A time's median and 90th percentile (`12.0 min / 2.5 h`), `–` without one. */
const p50p90 = (time: { p50: number; p90: number } | null) => (time ? `${humanDuration(time.p50)} / ${humanDuration(time.p90)}` : '–');

/** The heading level of the report's sections: 2 on the report page, 3 inside an admin's preview. */
export const ReportHeadingLevel = createContext<2 | 3>(2);

/** A heading one level below the report's sections (the parts of the actions section). */
function SubHeading({ children }: { children: ReactNode }) {
  const Tag = useContext(ReportHeadingLevel) === 2 ? 'h3' : 'h4';
  return <Tag>{children}</Tag>;
}

/** One titled section of the report, kept on one page when it fits. */
function Section({ id, title, empty, children }: { id: string; title: string; empty: boolean; children: ReactNode }) {
  const t = useT();
  const Heading = useContext(ReportHeadingLevel) === 2 ? 'h2' : 'h3';
  return (
    <section className="report-section" aria-labelledby={id}>
      <Heading id={id}>{title}</Heading>
      {empty ? <p>{t('reports.empty')}</p> : children}
    </section>
  );
}

/** A table of one row per touchpoint under the given column headings. */
function ReportTable({ columns, children }: { columns: string[]; children: ReactNode }) {
  return (
    <table className="data-table report-table">
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export function HeadlineSection({ rows }: { rows: ReportSections['headline'] }) {
  const t = useT();
  return (
    <Section id="report-headline" title={t('reports.headline')} empty={rows.length === 0}>
      <ReportTable columns={[t('reports.touchpoint'), 'n', t('reports.csat'), t('reports.nps'), t('reports.ces'), t('reports.targets')]}>
        {rows.map((row) => {
          const scores = scoreTexts(row);
          return (
            <tr key={row.touchpoint}>
              <th scope="row">{row.name}</th>
              <td>{row.sample === 'ok' ? row.n : t(`dashboard.sample.${row.sample}`, { n: row.n })}</td>
              <td>{scores.csat ?? '–'}</td>
              <td>{scores.nps ?? '–'}</td>
              <td>{scores.ces ?? '–'}</td>
              <td>{(row.targets ?? []).map((target) => `${target.metric} ${t(`reports.target.${target.status}`)}`).join(', ') || '–'}</td>
            </tr>
          );
        })}
      </ReportTable>
      <ScoreCharts rows={rows} />
    </Section>
  );
}

export function MoversSection({ movers, names }: { movers: ReportSections['movers']; names: ReadonlyMap<string, string> }) {
  const t = useT();
  return (
    <Section id="report-movers" title={t('reports.movers')} empty={movers.length === 0}>
      <ul>
        {movers.map((m) => (
          <li key={`${m.touchpoint}-${m.metric}`}>
            {t('reports.mover', { name: names.get(m.touchpoint) ?? m.touchpoint, metric: m.metric, test: m.test ?? '', ...moverNumbers(m) })}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function CasesSection({ rows, headline }: { rows: ReportSections['cases']; headline: ReportSections['headline'] }) {
  const t = useT();
  return (
    <Section id="report-cases" title={t('reports.cases')} empty={rows.length === 0}>
      <ReportTable columns={[t('reports.touchpoint'), t('reports.caseCount'), t('reports.sla'), t('reports.frt'), t('reports.tat'), t('reports.fcr')]}>
        {rows.map(({ touchpoint, name, cases }) => (
          <tr key={touchpoint}>
            <th scope="row">{name}</th>
            <td>{cases.n}</td>
            <td>{percentText(cases.slaAttainment)}</td>
            <td>{p50p90(cases.frt)}</td>
            <td>{p50p90(cases.tat)}</td>
            <td>{percentText(cases.fcr)}</td>
          </tr>
        ))}
      </ReportTable>
      <SlaChart rows={rows} headline={headline} />
    </Section>
  );
}

export function ActionsSection({ actions }: { actions: ReportSections['actions'] }) {
  const t = useT();
  return (
    <Section id="report-actions" title={t('reports.actions')} empty={actions.due.length === 0 && actions.verdicts.length === 0}>
      {actions.due.length > 0 && (
        <>
          <SubHeading>{t('reports.actionsDue')}</SubHeading>
          <ul>
            {actions.due.map((a) => (
              <li key={a.id}>{t('reports.actionDue', { title: a.title, touchpoint: a.touchpoint, owner: a.owner, dueOn: a.dueOn })}</li>
            ))}
          </ul>
        </>
      )}
      {actions.verdicts.length > 0 && (
        <>
          <SubHeading>{t('reports.verdicts')}</SubHeading>
          <ul>
            {actions.verdicts.map((a) => (
              <li key={a.id}>
                {a.title}: {a.metrics.map((m) => `${m.metric} ${t(`reports.verdict.${m.verdict}`)}${m.test ? ` (${m.test}${m.pValue !== null ? `, p = ${pValueText(m.pValue)}` : ''})` : ''}`).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

export function ThemesSection({ themes }: { themes: ReportSections['themes'] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Section id="report-themes" title={t('reports.themes')} empty={themes.length === 0}>
      <ol>
        {themes.map((theme) => (
          <li key={theme.key}>
            {t('reports.theme', { name: theme.name[locale], n: theme.n, share: shareText(theme.share), change: `${theme.change >= 0 ? '+' : ''}${(theme.change * 100).toFixed(1)}` })}
            {theme.examples.length > 0 && (
              <ul className="report-examples">
                {theme.examples.map((example) => (
                  <li key={example}>“{example}”</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <ThemesChart themes={themes} />
    </Section>
  );
}
