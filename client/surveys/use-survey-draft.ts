import { useCallback, useMemo, useRef, useState } from 'react';
import { checkDefinitionContract } from '@shared/survey-definition/definition-contract';
import type { ContractIssue } from '@shared/survey-definition/definition-contract';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import type { Survey } from '@shared/surveys/survey-api.schema';
import { api, ApiError } from '../lib/api-client';
import { issuesFromInvalidParams } from './contract-issues';
import { surveyBuilderApi } from './survey-builder-api';
import { useAutosave } from './use-autosave';

export interface Draft {
  /** The staff-facing name of the survey. */
  title: string;
  definition: SurveyDefinition;
}

/** What the server says about the survey besides the draft itself. */
export type SurveyMeta = Pick<Survey, 'id' | 'slug' | 'status' | 'versions' | 'hasUnpublishedChanges' | 'allowUnsignedTags'>;

const metaOf = ({ id, slug, status, versions, hasUnpublishedChanges, allowUnsignedTags }: Survey): SurveyMeta => ({
  id,
  slug,
  status,
  versions,
  hasUnpublishedChanges,
  allowUnsignedTags,
});

/**
 * The draft being edited: every edit is checked against the shared question contract at once and
 * autosaved when it passes; what the server rejects is mapped back onto the questions.
 */
export function useSurveyDraft(initial: Survey) {
  const [draft, setDraftState] = useState<Draft>({ title: initial.title, definition: initial.definition });
  const draftRef = useRef(draft);
  const [issues, setIssues] = useState<ContractIssue[]>(() => checkDefinitionContract(initial.definition));
  const issuesRef = useRef(issues);
  const [serverIssues, setServerIssues] = useState<ContractIssue[]>([]);
  const [meta, setMeta] = useState<SurveyMeta>(() => metaOf(initial));

  const save = useCallback(
    async (next: Draft) => {
      try {
        const saved = await surveyBuilderApi(api).update(initial.id, { title: next.title.trim(), definition: next.definition });
        setMeta(metaOf(saved));
        setServerIssues([]);
      } catch (error) {
        const params = error instanceof ApiError && error.status === 400 ? error.problem.invalid_params : undefined;
        if (params) setServerIssues(issuesFromInvalidParams(params, next.definition));
        throw error;
      }
    },
    [initial.id],
  );
  const autosave = useAutosave(save);
  const recordChange = autosave.change;

  const update = useCallback(
    (change: (current: Draft) => Draft) => {
      const next = change(draftRef.current);
      if (next === draftRef.current) return;
      const found = next.definition === draftRef.current.definition ? issuesRef.current : checkDefinitionContract(next.definition);
      draftRef.current = next;
      issuesRef.current = found;
      setDraftState(next);
      setIssues(found);
      setServerIssues([]);
      recordChange(next, found.length + (next.title.trim() === '' ? 1 : 0));
    },
    [recordChange],
  );

  const setDefinition = useCallback(
    (change: (definition: SurveyDefinition) => SurveyDefinition) => update((current) => ({ ...current, definition: change(current.definition) })),
    [update],
  );

  const allIssues = useMemo(() => [...issues, ...serverIssues], [issues, serverIssues]);
  return { draft, update, setDefinition, issues: allIssues, meta, setMeta, autosave };
}
