import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { CreateSurveyForm } from './CreateSurveyForm';
import { surveyBuilderApi } from './survey-builder-api';
import { SurveyStatusBadge } from './SurveyStatusBadge';
import { LoadFailed } from '../lib/LoadFailed';
import { useLoad } from '../lib/use-load';

/** All surveys, newest first, and the form that starts a new one. */
export function SurveyListPage() {
  const t = useT();
  const { locale } = useLocale();
  const { state, retry } = useLoad('surveys', () => surveyBuilderApi(api).list());

  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.surveys')}</h1>
      <p className="page-lead">{t('surveys.placeholder')}</p>
      <CreateSurveyForm />
      <h2 className="section-heading">{t('builder.list.heading')}</h2>
      {state.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {state.kind === 'failed' && (
        <LoadFailed message={t('builder.list.failed')} onRetry={retry} />
      )}
      {state.kind === 'ready' && state.value.length === 0 && <p>{t('builder.list.empty')}</p>}
      {state.kind === 'ready' && state.value.length > 0 && (
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
            {state.value.map((survey) => (
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
