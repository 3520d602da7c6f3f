import { useId, useState } from 'react';
import type { CaseTeam } from '@shared/cases/case-teams.schema';
import { useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { useAction } from '../lib/use-action';
import { casesApi, type BulkAssignReply } from './cases-api';

const calls = casesApi(api);
const UNASSIGN = '';

/** Assigns the selected cases to one person; each case succeeds or fails on its own, and failures are listed. */
export function BulkAssign({ selected, teams, onDone, onClear }: { selected: string[]; teams: CaseTeam[]; onDone: () => void; onClear: () => void }) {
  const t = useT();
  const id = useId();
  const action = useAction();
  const [assignee, setAssignee] = useState(UNASSIGN);
  const [result, setResult] = useState<BulkAssignReply | null>(null);
  const people = [...new Map(teams.flatMap((team) => team.members.map((m) => [m.id, m.name] as const))).entries()];
  const assign = () =>
    action.run(async () => {
      setResult(await calls.bulkAssign(selected, { assigneeId: assignee === UNASSIGN ? null : assignee }));
      onClear();
      onDone();
    });
  return (
    <div className="panel case-bulk" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t('cases.bulk.title')}
      </h2>
      <p aria-live="polite">{t('cases.bulk.selected', { n: selected.length })}</p>
      <div className="field-inline">
        <label htmlFor={`${id}-to`}>{t('cases.bulk.to')}</label>
        <select id={`${id}-to`} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value={UNASSIGN}>{t('cases.unassigned')}</option>
          {people.map(([personId, name]) => (
            <option key={personId} value={personId}>
              {name}
            </option>
          ))}
        </select>
        <button type="button" className="button button-primary" disabled={selected.length === 0 || action.busy} onClick={() => void assign()}>
          {t('cases.bulk.assign')}
        </button>
      </div>
      {action.error && <p role="alert">{action.error}</p>}
      {result && (
        <div role="status">
          <p>{t('cases.bulk.assigned', { n: result.assigned.length })}</p>
          {result.failed.length > 0 && (
            <ul className="case-bulk-failures">
              {result.failed.map((failure) => (
                <li key={failure.ref}>{t('cases.bulk.failed', { ref: failure.ref, reason: failure.detail })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
