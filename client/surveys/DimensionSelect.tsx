import { SERVQUAL_DIMENSIONS } from '@shared/survey-definition/metric-vocabulary';
import type { ServqualDimension } from '@shared/survey-definition/metric-vocabulary';
import { useT } from '../i18n/i18n-context';
import { DIMENSION_LABELS } from './question-labels';

/** A labelled choice of SERVQUAL dimension, as the palette and the question editor both offer it. */
export function DimensionSelect(props: {
  id: string;
  label: string;
  value: ServqualDimension | '';
  onChange: (dimension: ServqualDimension) => void;
}) {
  const t = useT();
  return (
    <div className="field field-inline">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value as ServqualDimension)}>
        {SERVQUAL_DIMENSIONS.map((option) => (
          <option key={option} value={option}>
            {t(DIMENSION_LABELS[option])}
          </option>
        ))}
      </select>
    </div>
  );
}
