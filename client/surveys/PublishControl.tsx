import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import type { publishedSchema } from '@shared/surveys/survey-api.schema';
import { diffDefinitions } from '@shared/surveys/definition-changes';
import { useLocale, useT } from '../i18n/i18n-context';
import { api } from '../lib/api-client';
import { problemText } from '../lib/problem-text';
import { summarizeChanges } from './change-summary';
import type { ChangeSummary } from './change-summary';
import { ChangeSummaryView } from './ChangeSummaryView';
import { surveyBuilderApi } from './survey-builder-api';
import type { SurveyMeta } from './use-survey-draft';

type Published = z.infer<typeof publishedSchema>;

type DialogState =
  | { kind: 'closed' }
  | { kind: 'preparing' }
  | { kind: 'blocked'; reason: string }
  | { kind: 'ready'; summary: ChangeSummary; previous: SurveyDefinition | null }
  | { kind: 'publishing'; summary: ChangeSummary; previous: SurveyDefinition | null }
  | { kind: 'failed'; reason: string };

interface Props {
  meta: SurveyMeta;
  definition: SurveyDefinition;
  problems: number;
  flush: () => Promise<boolean>;
  onPublished: (published: Published) => void;
}

/**
 * Publishing: saves the draft, shows what will change against the latest version, then freezes the
 * draft as the next version and reports what changed.
 */
export function PublishControl({ meta, definition, problems, flush, onPublished }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<DialogState>({ kind: 'closed' });
  const [published, setPublished] = useState<{ version: number; summary: ChangeSummary } | null>(null);
  const latest = meta.versions.at(-1)?.version ?? null;
  const nextVersion = (latest ?? 0) + 1;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (state.kind === 'closed' && element.open) element.close();
    if (state.kind !== 'closed' && !element.open) element.showModal();
  }, [state.kind]);

  useEffect(() => {
    if (published) result.current?.focus();
  }, [published]);

  const open = async () => {
    setPublished(null);
    setState({ kind: 'preparing' });
    if (problems > 0) {
      setState({ kind: 'blocked', reason: t('builder.publish.fixProblems', { count: problems }) });
      return;
    }
    try {
      if (!(await flush())) {
        setState({ kind: 'blocked', reason: t('builder.publish.notSaved') });
        return;
      }
      const previous = latest === null ? null : (await surveyBuilderApi(api).version(meta.id, latest)).definition;
      const summary = summarizeChanges(diffDefinitions(previous, definition), previous, definition, locale);
      setState({ kind: 'ready', summary, previous });
    } catch (error) {
      setState({ kind: 'failed', reason: problemText(error, t) });
    }
  };

  const publish = async () => {
    if (state.kind !== 'ready') return;
    setState({ ...state, kind: 'publishing' });
    try {
      const reply = await surveyBuilderApi(api).publish(meta.id);
      onPublished(reply);
      setPublished({ version: reply.version, summary: summarizeChanges(reply.changes, state.previous, definition, locale) });
      setState({ kind: 'closed' });
    } catch (error) {
      setState({ kind: 'failed', reason: problemText(error, t) });
    }
  };

  const close = () => {
    setState({ kind: 'closed' });
    opener.current?.focus();
  };

  return (
    <>
      <button ref={opener} type="button" className="button button-primary" disabled={meta.status === 'archived'} onClick={() => void open()}>
        {t('builder.publish.open')}
      </button>
      <dialog
        ref={dialog}
        className="publish-dialog"
        aria-labelledby="publish-heading"
        onCancel={(event) => {
          event.preventDefault();
          if (state.kind !== 'publishing') close();
        }}
      >
        <h2 id="publish-heading">{t('builder.publish.heading', { version: nextVersion })}</h2>
        {state.kind === 'preparing' && <p aria-busy="true">{t('builder.publish.preparing')}</p>}
        {(state.kind === 'blocked' || state.kind === 'failed') && (
          <p role="alert" className="field-error">
            {state.reason}
          </p>
        )}
        {(state.kind === 'ready' || state.kind === 'publishing') && (
          <>
            <p>{latest === null ? t('builder.publish.firstVersion') : t('builder.publish.sinceVersion', { version: latest })}</p>
            <ChangeSummaryView summary={state.summary} />
          </>
        )}
        <div className="button-row">
          {(state.kind === 'ready' || state.kind === 'publishing') && (
            <button
              type="button"
              className="button button-primary"
              disabled={state.kind === 'publishing' || (state.summary.empty && latest !== null)}
              onClick={() => void publish()}
            >
              {state.kind === 'publishing' ? t('builder.publish.publishing') : t('builder.publish.confirm', { version: nextVersion })}
            </button>
          )}
          <button type="button" className="button button-secondary" disabled={state.kind === 'publishing'} onClick={close}>
            {t('builder.publish.cancel')}
          </button>
        </div>
      </dialog>
      {published && (
        <div ref={result} className="publish-result" role="status" tabIndex={-1}>
          <p className="publish-result-title">{t('builder.publish.done', { version: published.version })}</p>
          <ChangeSummaryView summary={published.summary} />
        </div>
      )}
    </>
  );
}
