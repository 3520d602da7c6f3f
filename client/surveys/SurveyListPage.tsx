import { useEffect, useState } from 'react';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { CreateSurveyForm } from './CreateSurveyForm';
import { surveyBuilderApi } from './survey-builder-api';
import type { SurveySummary } from './survey-builder-api';
import { SurveyStatusBadge } from './SurveyStatusBadge';
import { LoadFailed } from '../lib/LoadFailed';

type ListState = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; surveys: SurveySummary[] };

/** All surveys, newest first, and the form that starts a new one. */
export function SurveyListPage() {
  const t = useT();
  const { locale } = useLocale();
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    surveyBuilderApi(api)
      .list()
      .then(
        (surveys) => !cancelled && setState({ kind: 'ready', surveys }),
        (error: unknown) => {
          console.error('Could not list surveys', error);
          if (!cancelled) setState({ kind: 'failed' });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.surveys')}</h1>
      <p className="page-lead">{t('surveys.placeholder')}</p>
      <CreateSurveyForm />
      <h2 className="section-heading">{t('builder.list.heading')}</h2>
      {state.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {state.kind === 'failed' && (
        <LoadFailed message={t('builder.list.failed')} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {state.kind === 'ready' && state.surveys.length === 0 && <p>{t('builder.list.empty')}</p>}
      {state.kind === 'ready' && state.surveys.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('builder.list.name')}</th>
              <th scope="col">{t('builder.list.status')}</th>
              <th scope="col">{t('builder.list.version')}</th>
              <th scope="col">{t('builder.list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {state.surveys.map((survey) => (
              <tr key={survey.id}>
                <th scope="row">
                  <Link to={`/surveys/${survey.id}`}>{survey.title}</Link>
                </th>
                <td>
                  <SurveyStatusBadge status={survey.status} />
                </td>
                <td>{survey.latestVersion ?? '—'}</td>
                <td>{dateFormat.format(new Date(survey.updatedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
