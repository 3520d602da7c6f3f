import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/i18n-context';
import type { ChangeSummary } from './change-summary';

const GROUPS: { key: 'added' | 'changed' | 'removed'; label: MessageKey }[] = [
  { key: 'added', label: 'builder.changes.added' },
  { key: 'changed', label: 'builder.changes.changed' },
  { key: 'removed', label: 'builder.changes.removed' },
];

/** Added, changed and removed questions; long lists fold away behind their count. */
export function ChangeSummaryView({ summary }: { summary: ChangeSummary }) {
  const t = useT();
  if (summary.empty) return <p>{t('builder.changes.none')}</p>;
  return (
    <div className="change-summary">
      {summary.titleChanged && <p>{t('builder.changes.title')}</p>}
      {GROUPS.filter((group) => summary[group.key].length > 0).map((group) => {
        const items = summary[group.key];
        const heading = t(group.label, { count: items.length });
        const list = (
          <ul>
            {items.map((text, index) => (
              <li key={`${index}-${text}`}>{text}</li>
            ))}
          </ul>
        );
        return items.length > 5 ? (
          <details key={group.key}>
            <summary>{heading}</summary>
            {list}
          </details>
        ) : (
          <div key={group.key}>
            <p className="change-heading">{heading}</p>
            {list}
          </div>
        );
      })}
    </div>
  );
}
