import { useId, useState, type FormEvent } from 'react';
import { lastClosedPeriod } from '@shared/reports/report-period';
import type { ReportDefinition, ServiceReport } from '@shared/reports/report.schema';
import { fetchCurrentUser } from '../auth/session-api';
import { caseAdminApi } from '../cases/settings/case-admin-api';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { SettingsListEditor } from '../lib/settings-form';
import { useAction } from '../lib/use-action';
import { useLoad } from '../lib/use-load';
import { surveyBuilderApi } from '../surveys/survey-builder-api';
import { touchpointsApi } from '../touchpoints/touchpoints-api';
import { DefinitionForm, type DefinitionChoices } from './DefinitionForm';
import { reportsApi } from './reports-api';
import { ReportHeadingLevel } from './ReportSections';
import { ReportBody } from './ReportView';

const calls = reportsApi(api);

export const DEFINITIONS_PATH = '/reports/definitions';

/** Everything the page offers to choose from, read together. */
async function loadPage(locale: DefinitionChoices['me']['locale']): Promise<{ definitions: ReportDefinition[]; choices: DefinitionChoices }> {
  const [definitions, surveys, touchpoints, teams, user] = await Promise.all([calls.definitions(), surveyBuilderApi(api).list(), touchpointsApi(api).list(), caseAdminApi(api).teams(), fetchCurrentUser(api)]);
  return { definitions, choices: { surveys, touchpoints, teams, me: { email: user?.email ?? '', locale } } };
}

/** Admins: the report definitions (create, edit, delete), and a preview or an immediate send of any of them. */
export function DefinitionsPage() {
  const t = useT();
  const { locale } = useLocale();
  const load = useLoad('report definitions', () => loadPage(locale));
  const replaceDefinitions = (change: (list: ReportDefinition[]) => ReportDefinition[]) => {
    if (load.state.kind === 'ready') load.replace({ ...load.state.value, definitions: change(load.state.value.definitions) });
  };
  return (
    <section className="page" aria-labelledby="page-title">
      <p>
        <Link to="/reports">{t('reports.back')}</Link>
      </p>
      <h1 id="page-title">{t('reports.definitions.title')}</h1>
      <p className="page-lead">{t('reports.definitions.lead')}</p>
      <Loaded load={load} failed={t('reports.definitions.loadFailed')}>
        {({ definitions, choices }) => {
          const surveyTitle = new Map(choices.surveys.map((s) => [s.id, s.title]));
          return (
            <>
              <section className="panel" aria-labelledby="report-definitions">
                <h2 id="report-definitions">{t('reports.definitions.list')}</h2>
                <SettingsListEditor
                  items={definitions}
                  empty={t('reports.definitions.none')}
                  newLabel={t('reports.definitions.new')}
                  describe={(d) =>
                    t('reports.definitions.describe', {
                      name: d.name,
                      cadence: t(`reports.cadence.${d.cadence}`),
                      survey: surveyTitle.get(d.survey) ?? d.survey,
                      n: d.recipients.length,
                      state: t(d.active ? 'reports.definitions.active' : 'reports.definitions.paused'),
                    })
                  }
                  form={(definition, close) => (
                    <DefinitionForm
                      definition={definition}
                      choices={choices}
                      onCancel={close}
                      onSaved={(saved) => {
                        close();
                        replaceDefinitions((list) => (list.some((d) => d.id === saved.id) ? list.map((d) => (d.id === saved.id ? saved : d)) : [...list, saved]));
                      }}
                      onDeleted={(id) => {
                        close();
                        replaceDefinitions((list) => list.filter((d) => d.id !== id));
                      }}
                    />
                  )}
                />
              </section>
              {definitions.length > 0 && <RunPanel definitions={definitions} />}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

/** Preview a definition's report for a period (built, not stored, not sent), or build and send it now. */
function RunPanel({ definitions }: { definitions: ReportDefinition[] }) {
  const t = useT();
  const id = useId();
  const [definitionId, setDefinitionId] = useState(definitions[0]!.id);
  const [period, setPeriod] = useState('');
  const [preview, setPreview] = useState<ServiceReport | null>(null);
  const [sent, setSent] = useState<ServiceReport | null>(null);
  const { busy, error, run } = useAction();
  const definition = definitions.find((d) => d.id === definitionId) ?? definitions[0]!;
  const lastClosed = lastClosedPeriod(definition.cadence, new Date()).key;
  const doPreview = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setSent(null);
      setPreview(await calls.preview(definition.id, period.trim()));
    });
  };
  const doSend = () =>
    void run(async () => {
      setPreview(null);
      setSent(await calls.sendNow(definition.id, period.trim()));
    });

  return (
    <section className="panel" aria-labelledby={`${id}-run`}>
      <h2 id={`${id}-run`}>{t('reports.run.title')}</h2>
      <form className="report-run" onSubmit={doPreview}>
        <div className="field">
          <label htmlFor={`${id}-definition`}>{t('reports.run.definition')}</label>
          <select id={`${id}-definition`} value={definition.id} onChange={(e) => setDefinitionId(e.target.value)}>
            {definitions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-period`}>{t('reports.run.period')}</label>
          <input id={`${id}-period`} value={period} onChange={(e) => setPeriod(e.target.value)} placeholder={lastClosed} aria-describedby={`${id}-period-hint`} />
          <p id={`${id}-period-hint`} className="hint">
            {t('reports.run.periodHint', { period: lastClosed })}
          </p>
        </div>
        {error && <p role="alert">{error}</p>}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('reports.run.preview')}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} onClick={doSend}>
            {t('reports.run.send')}
          </button>
        </div>
      </form>
      {sent && (
        <p role="status">
          {t('reports.run.sent', { name: sent.name, period: sent.period.key })} <Link to={`/reports/${sent.id}`}>{t('reports.run.open')}</Link>
        </p>
      )}
      {preview && (
        <article className="report-preview" aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`}>{t('reports.run.previewHeading', { name: preview.name, period: preview.period.key, from: preview.period.from, to: preview.period.to })}</h2>
          <ReportHeadingLevel.Provider value={3}>
            <ReportBody report={preview} />
          </ReportHeadingLevel.Provider>
        </article>
      )}
    </section>
  );
}
