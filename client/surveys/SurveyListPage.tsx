import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { CreateSurveyForm } from './CreateSurveyForm';
import { surveyBuilderApi } from './survey-builder-api';
import { SurveyStatusBadge } from './SurveyStatusBadge';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';

/** All surveys, newest first, and the form that starts a new one. */
export function SurveyListPage() {
  const t = useT();
  const { locale } = useLocale();
  const load = useLoad('surveys', () => surveyBuilderApi(api).list());

  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.surveys')}</h1>
      <p className="page-lead">{t('surveys.placeholder')}</p>
      <CreateSurveyForm />
      <h2 className="section-heading">{t('builder.list.heading')}</h2>
      <Loaded load={load} failed={t('builder.list.failed')} empty={{ isEmpty: (list) => list.length === 0, message: t('builder.list.empty') }}>
        {(list) => (
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
              {list.map((survey) => (
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
      </Loaded>
    </section>
  );
}
