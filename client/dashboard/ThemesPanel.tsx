import { themeMetricsResponseSchema, type TouchpointThemes } from '@shared/themes/theme-api.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { LoadFailed } from '../lib/LoadFailed';
import { useLoad } from '../lib/use-load';

const pct = (share: number) => `${Math.round(share * 100)}%`;
const signedPoints = (change: number) => `${change > 0 ? '+' : ''}${Math.round(change * 100)}`;

/** The comment themes of one touchpoint in the period: counts, their NPS and CSAT, and frequent terms. */
export function ThemesPanel({ params }: { params: URLSearchParams }) {
  const t = useT();
  const { locale } = useLocale();
  const { state, retry } = useLoad(`themes?${params}`, () => api.get(`/api/metrics/themes?${params}`, themeMetricsResponseSchema));
  if (state.kind === 'loading') return <p aria-busy="true">{t('app.loading')}</p>;
  if (state.kind === 'failed') return <LoadFailed message={t('dashboard.loadFailed')} onRetry={retry} />;
  const touchpoint: TouchpointThemes | undefined = state.value.touchpoints.find((entry) => entry.touchpoint === params.get('touchpoint'));
  if (!touchpoint) return <p>{t('dashboard.themes.none')}</p>;
  return (
    <>
      <p>{t('dashboard.themes.commented', { n: touchpoint.commented })}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.themes.theme')}</th>
            <th scope="col">{t('dashboard.themes.mentions')}</th>
            <th scope="col">{t('dashboard.themes.previous')}</th>
            <th scope="col">{t('dashboard.themes.nps')}</th>
            <th scope="col">{t('dashboard.themes.csat')}</th>
          </tr>
        </thead>
        <tbody>
          {touchpoint.themes.map((theme) => (
            <tr key={theme.key}>
              <th scope="row">{theme.name[locale]}</th>
              <td>{`${theme.n} (${pct(theme.share)})`}</td>
              <td>{theme.previous ? `${theme.previous.n} (${pct(theme.previous.share)})` : '–'}</td>
              <td>{theme.nps ? Math.round(theme.nps.score) : '–'}</td>
              <td>{theme.csat ? theme.csat.mean.toFixed(2) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="tp-card-subheading">{t('dashboard.themes.terms')}</h3>
      {touchpoint.termsSampled && <p>{t('dashboard.themes.sampled')}</p>}
      <ul className="theme-terms">
        {touchpoint.terms.map((term) => (
          <li key={term.term}>
            {term.shareChange === null
              ? t('dashboard.themes.term', { term: term.term, n: term.count })
              : t(term.significant ? 'dashboard.themes.termChangeSignificant' : 'dashboard.themes.termChange', { term: term.term, n: term.count, change: signedPoints(term.shareChange) })}
          </li>
        ))}
      </ul>
    </>
  );
}
