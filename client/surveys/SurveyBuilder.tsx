import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import type { Survey } from '@shared/surveys/survey-api.schema';
import { useLocale, useT } from '../i18n/i18n-context';
import { Link } from '../lib/Link';
import { groupIssues } from './contract-issues';
import { flatOutline, insertElements, moveElement, removeElements, twinsOf } from './draft-outline';
import { ImportExport } from './ImportExport';
import { PublicLink } from './PublicLink';
import { UnsignedTagsToggle } from './UnsignedTagsToggle';
import { SurveyChannels } from '../channels/SurveyChannels';
import { PublishControl } from './PublishControl';
import { QuestionList } from './QuestionList';
import { QuestionPalette } from './QuestionPalette';
import { createPaletteQuestions } from './question-palette';
import type { PaletteKind } from './question-palette';
import type { ServqualDimension } from '@shared/survey-definition/metric-vocabulary';
import { SaveStatus } from './SaveStatus';
import { SurveyPreview } from './SurveyPreview';
import { SurveyStatusBadge } from './SurveyStatusBadge';
import { SurveyTitleFields } from './SurveyTitleFields';
import { useSurveyDraft } from './use-survey-draft';
import { moveButtonId, questionButtonId } from './question-ids';

interface Notice {
  text: string;
  /** The definition before the action, offered back by an Undo button. */
  undo?: SurveyDefinition;
}

/** The questionnaire builder: question list with palette, live preview, autosave, publishing and sharing. */
export function SurveyBuilder({ initial }: { initial: Survey }) {
  const t = useT();
  const { locale } = useLocale();
  const { draft, update, setDefinition, issues, meta, setMeta, autosave } = useSurveyDraft(initial);
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Where focus goes once React has rendered the result of an action; the fallback serves a disabled target.
  const [focusTarget, setFocusTarget] = useState<{ id: string; fallback?: string } | null>(null);
  const grouped = useMemo(() => groupIssues(issues), [issues]);

  // Focus moves after React has rendered the list the action produced.
  useEffect(() => {
    if (!focusTarget) return;
    const target = document.getElementById(focusTarget.id);
    if (target && !(target as HTMLButtonElement).disabled) target.focus();
    else if (focusTarget.fallback) document.getElementById(focusTarget.fallback)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const add = useCallback(
    (kind: PaletteKind, dimension: ServqualDimension) => {
      const added = createPaletteQuestions(kind, draft.definition, { dimension });
      setDefinition((definition) => insertElements(definition, added, selected));
      const first = added[0]!.name;
      setSelected(first);
      setNotice({ text: t('builder.notice.added', { count: added.length }) });
      setFocusTarget({ id: questionButtonId(first) });
    },
    [draft.definition, selected, setDefinition, t],
  );

  const remove = useCallback(
    (name: string) => {
      const names = [name, ...twinsOf(draft.definition, name)];
      const entries = flatOutline(draft.definition);
      const position = entries.findIndex((entry) => entry.element.name === name);
      const remaining = entries.filter((entry) => !names.includes(entry.element.name));
      const next = remaining[Math.min(position, remaining.length - 1)];
      setNotice({ text: t(names.length > 1 ? 'builder.notice.deletedPair' : 'builder.notice.deleted'), undo: draft.definition });
      setDefinition((definition) => removeElements(definition, names));
      if (selected && names.includes(selected)) setSelected(null);
      setFocusTarget({ id: next ? questionButtonId(next.element.name) : 'builder-notice' });
    },
    [draft.definition, selected, setDefinition, t],
  );

  const move = useCallback(
    (name: string, direction: -1 | 1) => {
      setDefinition((definition) => moveElement(definition, name, direction));
      // Keep focus on the pressed button, or on the question once that button is disabled at an edge.
      setFocusTarget({ id: moveButtonId(name, direction), fallback: questionButtonId(name) });
    },
    [setDefinition],
  );

  const replaceDefinition = useCallback(
    (definition: SurveyDefinition, text: string) => {
      setNotice({ text, undo: draft.definition });
      setDefinition(() => definition);
      setSelected(null);
    },
    [draft.definition, setDefinition],
  );

  const archived = meta.status === 'archived';
  return (
    <section className="page builder" aria-labelledby="page-title">
      <p className="breadcrumb">
        <Link to="/surveys">{t('builder.backToList')}</Link>
      </p>
      <div className="builder-header">
        <h1 id="page-title">{draft.title || t('builder.untitled')}</h1>
        <SurveyStatusBadge status={meta.status} />
        <SaveStatus state={autosave.state} onRetry={() => void autosave.flush()} />
      </div>
      {archived && <p className="banner">{t('builder.archivedNote')}</p>}
      <div className="builder-toolbar">
        <PublishControl
          meta={meta}
          definition={draft.definition}
          problems={issues.length}
          flush={autosave.flush}
          onPublished={(published) =>
            setMeta((current) => ({
              ...current,
              slug: published.slug,
              status: 'published',
              hasUnpublishedChanges: false,
              versions: [...current.versions, { version: published.version, publishedAt: new Date().toISOString() }],
            }))
          }
        />
        <ImportExport definition={draft.definition} slug={meta.slug} onImport={replaceDefinition} />
      </div>
      {meta.versions.length > 0 && !archived && (
        <>
          <PublicLink slug={meta.slug} />
          <SurveyChannels surveyId={meta.id} />
        </>
      )}
      {!archived && <UnsignedTagsToggle surveyId={meta.id} initial={meta.allowUnsignedTags} />}
      <div id="builder-notice" className="builder-notice" role="status" tabIndex={-1}>
        {notice && (
          <>
            <span>{notice.text}</span>
            {notice.undo && (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  const previous = notice.undo!;
                  setNotice({ text: t('builder.notice.undone') });
                  setDefinition(() => previous);
                }}
              >
                {t('builder.undo')}
              </button>
            )}
          </>
        )}
      </div>
      {grouped.general.length > 0 && (
        <div className="banner banner-error" role="alert">
          <p>{t('builder.issues.general')}</p>
          <ul>
            {grouped.general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="builder-columns">
        <div className="builder-editor">
          <SurveyTitleFields draft={draft} locale={locale} onChange={update} />
          <QuestionPalette onAdd={add} />
          <QuestionList
            definition={draft.definition}
            locale={locale}
            selected={selected}
            issues={grouped.byQuestion}
            onSelect={(name) => setSelected((current) => (current === name ? null : name))}
            onMove={move}
            onDelete={remove}
            onChange={setDefinition}
          />
        </div>
        <SurveyPreview definition={draft.definition} locale={locale} selected={selected} />
      </div>
    </section>
  );
}
