import type { TouchpointScores } from '@shared/scoring/metrics.schema';
import { KANO_CATEGORIES } from '@shared/scoring/kano';
import { useT } from '../i18n/i18n-context';
import type { ScoreText } from './score-text';

/** Each Kano feature: its majority category, Better/Worse coefficients and answers per category. */
export function KanoTable({ kano, text }: { kano: NonNullable<TouchpointScores['kano']>; text: ScoreText }) {
  const t = useT();
  const coefficient = (value: number | null) => (value === null ? '—' : text.number(value, 2));
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('dashboard.kano.heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.kano.feature')}</th>
          <th scope="col">{t('dashboard.kano.category')}</th>
          <th scope="col">{t('dashboard.kano.better')}</th>
          <th scope="col">{t('dashboard.kano.worse')}</th>
          <th scope="col">{t('dashboard.table.n')}</th>
          <th scope="col">{t('dashboard.kano.counts')}</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(kano).map(([feature, score]) => (
          <tr key={feature}>
            <th scope="row">
              <code>{feature}</code>
            </th>
            <td>{t(`dashboard.kano.${score.category}`)}</td>
            <td>{coefficient(score.better)}</td>
            <td>{coefficient(score.worse)}</td>
            <td>{score.n}</td>
            <td>
              {KANO_CATEGORIES.filter((category) => score.counts[category] > 0)
                .map((category) => `${t(`dashboard.kano.${category}`)} ${score.counts[category]}`)
                .join(' · ') || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
