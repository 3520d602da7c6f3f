import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';
import { TARGET_FIELDS, type TargetField } from './touchpoint-form';
import { targetLabel } from './target-text';

interface Props {
  /** Prefix of the inputs' ids (a form's useId). */
  idPrefix: string;
  values: Record<TargetField, string>;
  onChange: (values: Record<TargetField, string>) => void;
  /** aria attributes for a field with an error (keyed `target.<field>`). */
  described: (field: string) => object;
  errorLine: (field: string) => ReactNode;
}

/** One input per target, as the touchpoint form and the standard editor both ask for them. */
export function TargetInputs({ idPrefix, values, onChange, described, errorLine }: Props) {
  const t = useT();
  return (
    <div className="target-grid">
      {TARGET_FIELDS.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${idPrefix}-${field}`}>{t(targetLabel(field))}</label>
          <input
            id={`${idPrefix}-${field}`}
            inputMode="decimal"
            value={values[field]}
            {...described(`target.${field}`)}
            onChange={(event) => onChange({ ...values, [field]: event.target.value })}
          />
          {errorLine(`target.${field}`)}
        </div>
      ))}
    </div>
  );
}
