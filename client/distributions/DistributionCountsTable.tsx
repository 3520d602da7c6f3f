import { SKIP_REASONS } from '@shared/distributions/distribution.schema';
import type { DistributionCounts } from '@shared/distributions/distribution.schema';
import { useT } from '../i18n/i18n-context';
import { SKIP_LABELS } from './use-distribution-names';

/** Every count of a distribution, each skip reason spelled out. */
export function DistributionCountsTable({ counts }: { counts: DistributionCounts }) {
  const t = useT();
  const rows: [string, string, number][] = [
    ['recipients', t('distributions.counts.recipients'), counts.recipients],
    ['queued', t('distributions.counts.queued'), counts.queued],
    ['deferred', t('distributions.counts.deferred'), counts.deferred.sendWindow],
    ['sent', t('distributions.counts.sent'), counts.sent],
    ['failed', t('distributions.counts.failed'), counts.failed],
    ['responded', t('distributions.counts.responded'), counts.responded],
    ['reminded', t('distributions.counts.reminded'), counts.reminded],
    ...SKIP_REASONS.map((reason): [string, string, number] => [
      `skipped-${reason}`,
      t('distributions.counts.skipped', { reason: t(SKIP_LABELS[reason]) }),
      counts.skipped[reason],
    ]),
  ];
  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading" className="section-heading">
        {t('distributions.counts.heading')}
      </h2>
      <table className="data-table distribution-counts">
        <caption className="visually-hidden">{t('distributions.counts.heading')}</caption>
        <tbody>
          {rows.map(([key, label, value]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="numeric">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
