import { useEffect, useState } from 'react';
import type { Survey } from '@shared/surveys/survey-api.schema';
import { useT } from '../i18n/i18n-context';
import { api, ApiError } from '../lib/api-client';
import { Link } from '../lib/Link';
import { StatusPage } from '../staff/StatusPage';
import { SurveyBuilder } from './SurveyBuilder';
import { surveyBuilderApi } from './survey-builder-api';
import { LoadFailed } from '../lib/LoadFailed';

type LoadState = { kind: 'loading' } | { kind: 'not-found' } | { kind: 'failed' } | { kind: 'ready'; survey: Survey };

/** Loads one survey's draft and hands it to the builder. */
export function SurveyBuilderPage({ id }: { id: string }) {
  const t = useT();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    surveyBuilderApi(api)
      .get(id)
      .then(
        (survey) => !cancelled && setState({ kind: 'ready', survey }),
        (error: unknown) => {
          if (cancelled) return;
          const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
          if (!missing) console.error('Could not load the survey', error);
          setState({ kind: missing ? 'not-found' : 'failed' });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [id, attempt]);

  switch (state.kind) {
    case 'loading':
      return <p aria-busy="true">{t('app.loading')}</p>;
    case 'not-found':
      return <StatusPage kind="not-found" path={`/surveys/${id}`} />;
    case 'failed':
      return (
        <LoadFailed message={t('builder.loadFailed')} onRetry={() => setAttempt((n) => n + 1)}>
          {' '}
          <Link to="/surveys">{t('builder.backToList')}</Link>
        </LoadFailed>
      );
    case 'ready':
      return <SurveyBuilder initial={state.survey} />;
  }
}
