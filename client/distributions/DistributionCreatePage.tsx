import { useEffect, useState } from 'react';
import type { Touchpoint } from '@shared/touchpoints/touchpoint.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { LoadFailed } from '../lib/LoadFailed';
import { DistributionForm } from './DistributionForm';
import { distributionsApi, sendableSurveys } from './distributions-api';
import type { SurveySummary } from './distributions-api';

export interface FormChoices {
  surveys: SurveySummary[];
  touchpoints: Touchpoint[];
  channels: string[];
  segments: string[];
}

type LoadState = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; choices: FormChoices };

/** `/distributions/new`: loads what the form offers (published surveys, touchpoints, channels, segments). */
export function DistributionCreatePage() {
  const t = useT();
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setState({ kind: 'loading' });
    const client = distributionsApi(api);
    Promise.all([client.surveys(), client.touchpoints(), client.channels(), client.segments()]).then(
      ([surveys, touchpoints, channels, segments]) =>
        !cancelled && setState({ kind: 'ready', choices: { surveys: sendableSurveys(surveys), touchpoints, channels, segments } }),
      (error: unknown) => {
        console.error('Could not load the distribution form choices', error);
        if (!cancelled) setState({ kind: 'failed' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  return (
    <section className="page" aria-labelledby="page-title">
      <p>
        <Link to="/distributions">{t('distributions.form.back')}</Link>
      </p>
      <h1 id="page-title">{t('distributions.form.heading')}</h1>
      {state.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {state.kind === 'failed' && <LoadFailed message={t('distributions.form.loadFailed')} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.kind === 'ready' && <DistributionForm choices={state.choices} />}
    </section>
  );
}
