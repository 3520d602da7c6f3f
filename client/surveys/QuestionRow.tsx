import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { useT } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locale';
import type { OutlineEntry } from './draft-outline';
import { twinsOf } from './draft-outline';
import { readText } from './localized-text';
import { describeQuestion } from './question-labels';
import { moveButtonId, questionButtonId, questionEditorId } from './question-ids';
import { QuestionEditor } from './QuestionEditor';

interface Props {
  entry: OutlineEntry;
  definition: SurveyDefinition;
  locale: Locale;
  expanded: boolean;
  problems: string[];
  canMoveUp: boolean;
  canMoveDown: boolean;
  onSelect: (name: string) => void;
  onMove: (name: string, direction: -1 | 1) => void;
  onDelete: (name: string) => void;
  onChange: (change: (definition: SurveyDefinition) => SurveyDefinition) => void;
}

/** One question: its summary (a button that opens the editor), move and delete buttons, and its problems. */
export function QuestionRow({ entry, definition, locale, expanded, problems, canMoveUp, canMoveDown, onSelect, onMove, onDelete, onChange }: Props) {
  const t = useT();
  const { element, number } = entry;
  const title = readText(element.title, locale) || element.name;
  const paired = twinsOf(definition, element.name).length > 0;
  const problemsId = `${questionButtonId(element.name)}-problems`;
  const move = (direction: -1 | 1) => onMove(element.name, direction);
  return (
    <li className={`question-row${expanded ? ' is-selected' : ''}${problems.length ? ' has-problems' : ''}`}>
      <div className="question-summary-line">
        <button
          type="button"
          id={questionButtonId(element.name)}
          className="question-summary"
          aria-expanded={expanded}
          aria-controls={expanded ? questionEditorId(element.name) : undefined}
          aria-describedby={problems.length ? problemsId : undefined}
          onClick={() => onSelect(element.name)}
        >
          <span className="question-number">{number}.</span>
          <span className="question-title">{title}</span>
          <span className="question-meta">
            {describeQuestion(element, t)}
            {element.isRequired === true && ` · ${t('builder.question.requiredShort')}`}
            {typeof element.visibleIf === 'string' && ` · ${t('builder.question.conditional')}`}
          </span>
        </button>
        <div className="question-actions">
          <button
            type="button"
            id={moveButtonId(element.name, -1)}
            className="icon-button"
            aria-label={t('builder.question.moveUp', { number })}
            title={t('builder.question.moveUp', { number })}
            disabled={!canMoveUp}
            onClick={() => move(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            id={moveButtonId(element.name, 1)}
            className="icon-button"
            aria-label={t('builder.question.moveDown', { number })}
            title={t('builder.question.moveDown', { number })}
            disabled={!canMoveDown}
            onClick={() => move(1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-button icon-button-danger"
            aria-label={t(paired ? 'builder.question.deletePair' : 'builder.question.delete', { number })}
            title={t(paired ? 'builder.question.deletePair' : 'builder.question.delete', { number })}
            onClick={() => onDelete(element.name)}
          >
            ✕
          </button>
        </div>
      </div>
      {problems.length > 0 && (
        <ul id={problemsId} className="question-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {expanded && <QuestionEditor element={element} number={number} definition={definition} locale={locale} onChange={onChange} />}
    </li>
  );
}
