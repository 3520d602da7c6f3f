import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { Link } from '../lib/Link';
import { Loaded } from '../lib/Loaded';
import { useLoad } from '../lib/use-load';
import { useStaffRole } from '../lib/use-staff-role';
import { scheduleSummary } from './distribution-form';
import { distributionsApi } from './distributions-api';
import { DistributionStatusBadge } from './DistributionStatusBadge';
import { MAY_RUN_DISTRIBUTIONS, useDistributionNames } from './use-distribution-names';

/** Every distribution, newest first, with its schedule in words and how many were sent and answered. */
export function DistributionListPage() {
  const t = useT();
  const { locale } = useLocale();
  const role = useStaffRole();
  const names = useDistributionNames();
  const load = useLoad('distributions', () => distributionsApi(api).list());

  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const mayRun = role !== null && MAY_RUN_DISTRIBUTIONS.includes(role);

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.distributions')}</h1>
      <p className="page-lead">{t('distributions.placeholder')}</p>
      {mayRun && (
        <p>
          <Link to="/distributions/new" className="button button-primary">
            {t('distributions.new')}
          </Link>
        </p>
      )}
      <Loaded load={load} failed={t('distributions.loadFailed')} empty={{ isEmpty: (list) => list.length === 0, message: t('distributions.empty') }}>
        {(list) => (
          <table className="data-table">
            <caption className="visually-hidden">{t('nav.distributions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('distributions.column.survey')}</th>
                <th scope="col">{t('distributions.column.touchpoint')}</th>
                <th scope="col">{t('distributions.column.schedule')}</th>
                <th scope="col">{t('distributions.column.status')}</th>
                <th scope="col" className="numeric">
                  {t('distributions.column.sent')}
                </th>
                <th scope="col" className="numeric">
                  {t('distributions.column.responded')}
                </th>
                <th scope="col">{t('distributions.column.created')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((distribution) => (
                <tr key={distribution.id}>
                  <th scope="row">
                    <Link to={`/distributions/${distribution.id}`}>
                      {names.surveys.get(distribution.survey) ?? t('distributions.unknownSurvey', { id: distribution.survey })}
                    </Link>
                  </th>
                  <td>{names.touchpoints.get(distribution.touchpoint) ?? distribution.touchpoint}</td>
                  <td>{scheduleSummary(distribution.schedule, t, locale)}</td>
                  <td>
                    <DistributionStatusBadge status={distribution.status} />
                  </td>
                  <td className="numeric">{distribution.counts.sent}</td>
                  <td className="numeric">{distribution.counts.responded}</td>
                  <td>{dateFormat.format(new Date(distribution.createdAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </section>
  );
}
