import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { useT } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locale';
import { canMove, flatOutline, outline } from './draft-outline';
import { readText } from './localized-text';
import { QuestionRow } from './QuestionRow';

interface Props {
  definition: SurveyDefinition;
  locale: Locale;
  selected: string | null;
  issues: Map<string, string[]>;
  onSelect: (name: string) => void;
  onMove: (name: string, direction: -1 | 1) => void;
  onDelete: (name: string) => void;
  onChange: (change: (definition: SurveyDefinition) => SurveyDefinition) => void;
}

/** The survey's questions in order, grouped by page; the selected one opens its editor in place. */
export function QuestionList({ definition, locale, selected, issues, onSelect, onMove, onDelete, onChange }: Props) {
  const t = useT();
  const groups = outline(definition);
  const total = flatOutline(definition).length;
  return (
    <section className="question-list" aria-labelledby="question-list-heading">
      <h2 id="question-list-heading">{t('builder.questions.heading', { count: total })}</h2>
      {total === 0 && <p>{t('builder.questions.empty')}</p>}
      {groups.map((group, pageIndex) => {
        const pageTitle = group.page ? readText(group.page.title, locale) || group.page.name || '' : '';
        const headingId = `page-heading-${group.container}`;
        return (
          <div key={group.container} className="question-group">
            {group.page && (
              <h3 id={headingId} className="page-heading">
                {t('builder.questions.page', { number: pageIndex + 1 - (groups[0]?.page ? 0 : 1), title: pageTitle })}
              </h3>
            )}
            <ol className="question-rows" aria-labelledby={group.page ? headingId : 'question-list-heading'}>
              {group.entries.map((entry) => (
                <QuestionRow
                  key={entry.element.name}
                  entry={entry}
                  definition={definition}
                  locale={locale}
                  expanded={selected === entry.element.name}
                  problems={issues.get(entry.element.name) ?? []}
                  canMoveUp={canMove(definition, entry.element.name, -1)}
                  canMoveDown={canMove(definition, entry.element.name, 1)}
                  onSelect={onSelect}
                  onMove={onMove}
                  onDelete={onDelete}
                  onChange={onChange}
                />
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
