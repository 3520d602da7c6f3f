import type { StandardDiff } from '@shared/standards/standard.schema';
import { useT } from '../i18n/i18n-context';
import { targetLabel } from '../touchpoints/target-text';
import { changeLabel, commitmentText, isTargetField } from './standard-text';

/** What changed between two versions, as one table: commitments, targets, then SLA policy fields. */
export function StandardDiffView({ diff }: { diff: StandardDiff }) {
  const t = useT();
  const rows = [
    ...diff.commitments.map((row) => ({
      what: t('standards.diff.commitment', { name: row.name }),
      change: row.change,
      before: row.before ? commitmentText(t, row.before) : '',
      after: row.after ? commitmentText(t, row.after) : '',
    })),
    ...diff.targets.map((row) => ({
      what: isTargetField(row.key) ? t(targetLabel(row.key)) : row.key,
      change: row.change,
      before: row.before ?? '',
      after: row.after ?? '',
    })),
    ...diff.slaPolicy.map((row) => ({ what: t('standards.diff.sla', { field: row.field }), change: row.change, before: row.before ?? '', after: row.after ?? '' })),
  ];
  if (rows.length === 0) return <p>{t('standards.diff.none')}</p>;
  return (
    <table className="data-table standard-diff">
      <caption>{t('standards.diff.caption', { from: diff.from, to: diff.to })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('standards.diff.what')}</th>
          <th scope="col">{t('standards.diff.change')}</th>
          <th scope="col">{t('standards.diff.before', { version: diff.from })}</th>
          <th scope="col">{t('standards.diff.after', { version: diff.to })}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.what}|${row.change}`} className={`diff-${row.change}`}>
            <th scope="row">{row.what}</th>
            <td>{t(changeLabel(row.change))}</td>
            <td>{row.before === '' ? '—' : <del>{row.before}</del>}</td>
            <td>{row.after === '' ? '—' : <ins>{row.after}</ins>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
