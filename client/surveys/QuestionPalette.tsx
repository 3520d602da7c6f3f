import { useId, useState } from 'react';
import type { ServqualDimension } from '@shared/survey-definition/metric-vocabulary';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/i18n-context';
import type { PaletteKind } from './question-palette';
import { DimensionSelect } from './DimensionSelect';

const ENTRIES: { kind: PaletteKind; label: MessageKey; hint: MessageKey }[] = [
  { kind: 'nps', label: 'builder.palette.nps', hint: 'builder.palette.npsHint' },
  { kind: 'csat', label: 'builder.palette.csat', hint: 'builder.palette.csatHint' },
  { kind: 'ces', label: 'builder.palette.ces', hint: 'builder.palette.cesHint' },
  { kind: 'servqual', label: 'builder.palette.servqual', hint: 'builder.palette.servqualHint' },
  { kind: 'kano', label: 'builder.palette.kano', hint: 'builder.palette.kanoHint' },
  { kind: 'comment', label: 'builder.palette.comment', hint: 'builder.palette.commentHint' },
  { kind: 'single', label: 'builder.palette.single', hint: 'builder.palette.singleHint' },
  { kind: 'multiple', label: 'builder.palette.multiple', hint: 'builder.palette.multipleHint' },
  { kind: 'text', label: 'builder.palette.text', hint: 'builder.palette.textHint' },
];

/** Buttons that add metric-aware questions after the selected one (or at the end). */
export function QuestionPalette({ onAdd }: { onAdd: (kind: PaletteKind, dimension: ServqualDimension) => void }) {
  const t = useT();
  const id = useId();
  const [dimension, setDimension] = useState<ServqualDimension>('reliability');
  return (
    <section className="panel palette" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('builder.palette.heading')}</h2>
      <p className="hint">{t('builder.palette.where')}</p>
      <DimensionSelect id={`${id}-dimension`} label={t('builder.palette.dimension')} value={dimension} onChange={setDimension} />
      <ul className="palette-buttons">
        {ENTRIES.map((entry) => (
          <li key={entry.kind}>
            <button
              type="button"
              className="button button-secondary palette-button"
              aria-describedby={`${id}-${entry.kind}-hint`}
              onClick={() => onAdd(entry.kind, dimension)}
            >
              {t(entry.label)}
            </button>
            <span id={`${id}-${entry.kind}-hint`} className="palette-hint">
              {t(entry.hint)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
