import { useId, useRef } from 'react';
import { useT } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locale';
import { addChoice, choiceItems, choiceLabel, removeChoice, setChoiceText } from './choice-list';
import type { ChoiceItem } from './choice-list';

/** The choices of a single- or multiple-choice question, edited in the current language. */
export function ChoicesEditor({ choices, locale, onChange }: { choices: unknown; locale: Locale; onChange: (choices: ChoiceItem[]) => void }) {
  const t = useT();
  const id = useId();
  const list = useRef<HTMLOListElement>(null);
  const items = choiceItems(choices);
  const focusChoice = (index: number) =>
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLInputElement>('input')[index]?.focus());

  return (
    <fieldset className="choices-editor">
      <legend>{t('builder.choices.heading')}</legend>
      <ol ref={list}>
        {items.map((choice, index) => (
          <li key={`${String(choice.value)}-${index}`}>
            <label htmlFor={`${id}-${index}`} className="visually-hidden">
              {t('builder.choices.choice', { number: index + 1 })}
            </label>
            <input
              id={`${id}-${index}`}
              value={choiceLabel(choice, locale)}
              onChange={(event) => onChange(setChoiceText(choices, index, locale, event.target.value))}
            />
            <button
              type="button"
              className="icon-button icon-button-danger"
              aria-label={t('builder.choices.remove', { number: index + 1 })}
              title={t('builder.choices.remove', { number: index + 1 })}
              disabled={items.length <= 1}
              onClick={() => {
                onChange(removeChoice(choices, index));
                focusChoice(Math.max(0, index - 1));
              }}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => {
          onChange(addChoice(choices, locale, t('builder.choices.newChoice', { number: items.length + 1 })));
          focusChoice(items.length);
        }}
      >
        {t('builder.choices.add')}
      </button>
    </fieldset>
  );
}
