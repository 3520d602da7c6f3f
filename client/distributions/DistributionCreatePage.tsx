import type { Touchpoint } from '@shared/touchpoints/touchpoint.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { DistributionForm } from './DistributionForm';
import { distributionsApi, sendableSurveys } from './distributions-api';
import type { SurveySummary } from './distributions-api';

export interface FormChoices {
  surveys: SurveySummary[];
  touchpoints: Touchpoint[];
  channels: string[];
  segments: string[];
}

/** `/distributions/new`: loads what the form offers (published surveys, touchpoints, channels, segments). */
export function DistributionCreatePage() {
  const t = useT();
  const load = useLoad('distribution form choices', async (): Promise<FormChoices> => {
    const client = distributionsApi(api);
    const [surveys, touchpoints, channels, segments] = await Promise.all([client.surveys(), client.touchpoints(), client.channels(), client.segments()]);
    return { surveys: sendableSurveys(surveys), touchpoints, channels, segments };
  });

  return (
    <section className="page" aria-labelledby="page-title">
      <p>
        <Link to="/distributions">{t('distributions.form.back')}</Link>
      </p>
      <h1 id="page-title">{t('distributions.form.heading')}</h1>
      <Loaded load={load} failed={t('distributions.form.loadFailed')}>
        {(choices) => <DistributionForm choices={choices} />}
      </Loaded>
    </section>
  );
}
