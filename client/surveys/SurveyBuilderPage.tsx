import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { StatusPage } from '../staff/StatusPage';
import { SurveyBuilder } from './SurveyBuilder';
import { surveyBuilderApi } from './survey-builder-api';

/** Loads one survey's draft and hands it to the builder. */
export function SurveyBuilderPage({ id }: { id: string }) {
  const t = useT();
  const load = useLoad(`survey ${id}`, () => surveyBuilderApi(api).get(id));
  return (
    <Loaded
      load={load}
      failed={t('builder.loadFailed')}
      failedExtra={
        <>
          {' '}
          <Link to="/surveys">{t('builder.backToList')}</Link>
        </>
      }
      notFound={<StatusPage kind="not-found" path={`/surveys/${id}`} />}
    >
      {(survey) => <SurveyBuilder initial={survey} />}
    </Loaded>
  );
}
