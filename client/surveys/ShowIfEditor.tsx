import { useId, useState } from 'react';
import type { SurveyDefinition, SurveyElement } from '@shared/survey-definition/definition.schema';
import { useT } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locale';
import { choiceItems, choiceLabel } from './choice-list';
import { flatOutline } from './draft-outline';
import { readText } from './localized-text';
import { OPERATOR_LABELS } from './question-labels';
import { buildShowIf, operatorTakesValue, parseShowIf, SHOW_IF_OPERATORS } from './show-if';
import type { ShowIfCondition, ShowIfOperator } from './show-if';

interface Props {
  element: SurveyElement;
  definition: SurveyDefinition;
  locale: Locale;
  onChange: (visibleIf: string | undefined) => void;
}

/**
 * "Show this question only if <question> <operator> <value>". An imported expression the small editor
 * cannot show is kept as it is until the designer removes or replaces it.
 */
export function ShowIfEditor({ element, definition, locale, onChange }: Props) {
  const t = useT();
  const id = useId();
  const existing = typeof element.visibleIf === 'string' && element.visibleIf.trim() !== '' ? element.visibleIf : null;
  const parsed = parseShowIf(existing);
  const [replacingCustom, setReplacingCustom] = useState(false);
  const [condition, setCondition] = useState<ShowIfCondition | null>(parsed);

  const others = flatOutline(definition)
    .map((entry) => entry.element)
    .filter((other) => other.name !== element.name && other.type !== 'panel');

  if (existing && !parsed && !replacingCustom) {
    return (
      <fieldset className="show-if">
        <legend>{t('builder.showIf.heading')}</legend>
        <p>{t('builder.showIf.custom')}</p>
        <code className="expression">{existing}</code>
        <div className="button-row">
          <button type="button" className="button button-secondary button-small" onClick={() => setReplacingCustom(true)}>
            {t('builder.showIf.replace')}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => onChange(undefined)}>
            {t('builder.showIf.remove')}
          </button>
        </div>
      </fieldset>
    );
  }

  const write = (next: ShowIfCondition | null) => {
    setCondition(next);
    if (!next) onChange(undefined);
    else if (next.question && (!operatorTakesValue(next.operator) || next.value.trim() !== '')) onChange(buildShowIf(next));
  };
  const target = others.find((other) => other.name === condition?.question);
  const choices = choiceItems(target?.choices);

  return (
    <fieldset className="show-if">
      <legend>{t('builder.showIf.heading')}</legend>
      <div className="field field-inline">
        <label htmlFor={`${id}-mode`}>{t('builder.showIf.mode')}</label>
        <select
          id={`${id}-mode`}
          value={condition ? 'if' : 'always'}
          onChange={(event) =>
            write(event.target.value === 'always' ? null : { question: others[0]?.name ?? '', operator: 'equal', value: '' })
          }
        >
          <option value="always">{t('builder.showIf.always')}</option>
          <option value="if" disabled={others.length === 0}>
            {t('builder.showIf.onlyIf')}
          </option>
        </select>
      </div>
      {condition && (
        <div className="show-if-condition">
          <div className="field">
            <label htmlFor={`${id}-question`}>{t('builder.showIf.question')}</label>
            <select id={`${id}-question`} value={condition.question} onChange={(event) => write({ ...condition, question: event.target.value, value: '' })}>
              {others.map((other) => (
                <option key={other.name} value={other.name}>
                  {readText(other.title, locale) || other.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-operator`}>{t('builder.showIf.operator')}</label>
            <select
              id={`${id}-operator`}
              value={condition.operator}
              onChange={(event) => write({ ...condition, operator: event.target.value as ShowIfOperator })}
            >
              {SHOW_IF_OPERATORS.map((operator) => (
                <option key={operator} value={operator}>
                  {t(OPERATOR_LABELS[operator])}
                </option>
              ))}
            </select>
          </div>
          {operatorTakesValue(condition.operator) && (
            <div className="field">
              <label htmlFor={`${id}-value`}>{t('builder.showIf.value')}</label>
              {choices.length > 0 ? (
                <select id={`${id}-value`} value={condition.value} onChange={(event) => write({ ...condition, value: event.target.value })}>
                  <option value="">{t('builder.showIf.chooseValue')}</option>
                  {choices.map((choice) => (
                    <option key={String(choice.value)} value={String(choice.value)}>
                      {choiceLabel(choice, locale)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${id}-value`}
                  inputMode={target?.type === 'rating' ? 'numeric' : undefined}
                  value={condition.value}
                  onChange={(event) => write({ ...condition, value: event.target.value })}
                />
              )}
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}
