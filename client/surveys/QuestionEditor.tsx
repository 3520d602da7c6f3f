import { useId } from 'react';
import type { SurveyDefinition, SurveyElement } from '@shared/survey-definition/definition.schema';
import type { ServqualDimension } from '@shared/survey-definition/metric-vocabulary';
import { useT } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locale';
import { ChoicesEditor } from './ChoicesEditor';
import { twinsOf, updateElement } from './draft-outline';
import { readText, writeText } from './localized-text';
import { DimensionSelect } from './DimensionSelect';
import { questionEditorId } from './question-ids';
import { ShowIfEditor } from './ShowIfEditor';

const CHOICE_TYPES = new Set(['radiogroup', 'checkbox', 'dropdown', 'tagbox']);
const OTHER_LOCALE: Record<Locale, Locale> = { en: 'zh-CN', 'zh-CN': 'en' };

interface Props {
  element: SurveyElement;
  number: number;
  definition: SurveyDefinition;
  locale: Locale;
  onChange: (change: (definition: SurveyDefinition) => SurveyDefinition) => void;
}

/** Edits one question: its text in the current language, choices, whether it is required and when it shows. */
export function QuestionEditor({ element, number, definition, locale, onChange }: Props) {
  const t = useT();
  const id = useId();
  const name = element.name;
  const change = (update: (question: SurveyElement) => SurveyElement) => onChange((current) => updateElement(current, name, update));
  const otherText = readText(element.title, OTHER_LOCALE[locale]);
  const language = t(`builder.language.${locale}`);

  if (element.type === 'panel') {
    return (
      <div id={questionEditorId(name)} className="question-editor">
        <p>{t('builder.question.panelNote')}</p>
      </div>
    );
  }

  const setDimension = (dimension: ServqualDimension) => {
    const names = [name, ...twinsOf(definition, name)];
    // Both sides of a SERVQUAL item must share a dimension, so they change together.
    onChange((current) => names.reduce((next, each) => updateElement(next, each, (q) => ({ ...q, dimension })), current));
  };

  return (
    <div id={questionEditorId(name)} className="question-editor" role="group" aria-label={t('builder.question.editorLabel', { number })}>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('builder.question.text', { language })}</label>
        <textarea
          id={`${id}-text`}
          rows={2}
          value={readText(element.title, locale)}
          aria-describedby={otherText ? `${id}-other` : undefined}
          onChange={(event) => {
            const text = event.target.value;
            change((q) => ({ ...q, title: writeText(q.title, locale, text) }));
          }}
        />
        {otherText && (
          <p id={`${id}-other`} className="hint">
            {t('builder.question.otherLanguage', { language: t(`builder.language.${OTHER_LOCALE[locale]}`), text: otherText })}
          </p>
        )}
      </div>
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={element.isRequired === true}
          onChange={(event) => {
            const required = event.target.checked;
            change(({ isRequired: _old, ...q }) => (required ? { ...q, isRequired: true } : q));
          }}
        />
        {t('builder.question.required')}
      </label>
      {element.metric === 'servqual' && (
        <DimensionSelect id={`${id}-dimension`} label={t('builder.question.dimension')} value={element.dimension ?? ''} onChange={setDimension} />
      )}
      {element.metric === 'kano' && <p className="hint">{t('builder.question.kanoChoicesFixed')}</p>}
      {CHOICE_TYPES.has(element.type) && element.metric !== 'kano' && (
        <ChoicesEditor choices={element.choices} locale={locale} onChange={(choices) => change((q) => ({ ...q, choices }))} />
      )}
      <ShowIfEditor
        key={name}
        element={element}
        definition={definition}
        locale={locale}
        onChange={(visibleIf) => change(({ visibleIf: _old, ...q }) => (visibleIf === undefined ? q : { ...q, visibleIf }))}
      />
      <p className="hint">{t('builder.question.answerKey', { name })}</p>
    </div>
  );
}
