import { useT } from '../i18n/i18n-context';

interface OwnerDueProps {
  owner: string;
  dueOn: string;
  onOwner: (owner: string) => void;
  onDueOn: (dueOn: string) => void;
}

/** Who does it and by when: the pair every action and every task has. */
export function OwnerDueFields({ owner, dueOn, onOwner, onDueOn }: OwnerDueProps) {
  const t = useT();
  return (
    <>
      <label>
        {t('actions.form.owner')}
        <input type="email" value={owner} onChange={(e) => onOwner(e.target.value)} required />
      </label>
      <label>
        {t('actions.form.dueOn')}
        <input type="date" value={dueOn} onChange={(e) => onDueOn(e.target.value)} required />
      </label>
    </>
  );
}
