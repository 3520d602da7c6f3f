import { settings, type Model } from 'survey-core';
import type { SubmitResponseInput } from '@shared/responses/response-api.schema';
import { HONEYPOT_FIELD } from '@shared/responses/response-constants';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import type { Locale } from '../i18n/locale';
import { loadDraft, newDraft, saveDraft, type AnswerDraft } from './answer-draft';
import type { AnswerValidator } from './load-checks';
import type { PublicSurvey } from './public-survey-api';
import type { RespondLink } from './respond-link';

const MAX_ELAPSED_MS = 24 * 3600 * 1000;

/**
 * Answers saved for an older version of the survey (republished since) are kept where the current
 * version accepts them; the shared validator, which the API also uses, decides.
 */
export function carryOverAnswers(
  validateAnswers: AnswerValidator,
  model: Model,
  definition: SurveyDefinition,
  answers: Record<string, unknown>,
): Record<string, unknown> {
  // Answers to questions this version no longer has go first; the validator refuses a surplus of keys wholesale.
  const asked = (name: string) => model.getQuestionByName(name.endsWith(settings.commentSuffix) ? name.slice(0, -settings.commentSuffix.length) : name);
  let kept = Object.fromEntries(Object.entries(answers).filter(([name]) => asked(name)));
  for (let round = 0; round < 3; round++) {
    const result = validateAnswers(definition, kept, { partial: true });
    if (result.ok) return result.answers;
    const refused = new Set(result.invalidParams.map((param) => param.name));
    if (refused.has('answers')) return {};
    kept = Object.fromEntries(Object.entries(kept).filter(([name]) => !refused.has(name)));
  }
  return {};
}

/**
 * Loads the saved draft into the model; returns the draft to keep saving (a fresh one when none was saved).
 * A draft of an older version needs the validator to carry its answers over; without it they are kept aside.
 */
export function restoreDraft(
  model: Model,
  survey: PublicSurvey,
  key: string,
  validateAnswers: AnswerValidator | null,
): { draft: AnswerDraft; restored: boolean } {
  const saved = loadDraft(key);
  if (!saved || (saved.version !== survey.version && !validateAnswers)) return { draft: newDraft(survey.version), restored: false };
  const answers =
    saved.version === survey.version || !validateAnswers ? saved.answers : carryOverAnswers(validateAnswers, model, survey.definition, saved.answers);
  model.data = answers;
  if (saved.pageNo > 0 && saved.pageNo < model.visiblePageCount) model.currentPageNo = saved.pageNo;
  return { draft: { ...saved, version: survey.version, answers }, restored: Object.keys(answers).length > 0 };
}

/** Saves the draft on every answer and page change; returns the function that stops it. */
export function keepDraftSaved(model: Model, key: string, draft: AnswerDraft): () => void {
  const save = () => saveDraft(key, { ...draft, answers: model.data as Record<string, unknown>, pageNo: model.currentPageNo });
  model.onValueChanged.add(save);
  model.onCurrentPageChanged.add(save);
  return () => {
    model.onValueChanged.remove(save);
    model.onCurrentPageChanged.remove(save);
  };
}

/** The submit body: answers cleaned by the shared validator (hidden questions' answers dropped) plus the link's tags. */
export function submissionBody(
  validateAnswers: AnswerValidator | null,
  model: Model,
  survey: PublicSurvey,
  draft: AnswerDraft,
  context: { link: RespondLink; locale: Locale; honeypot: string; now?: number },
): SubmitResponseInput {
  const data = model.data as Record<string, unknown>;
  const checked = validateAnswers?.(survey.definition, data) ?? { ok: false as const };
  const { link } = context;
  return {
    version: survey.version,
    answers: checked.ok ? checked.answers : data,
    submissionId: draft.submissionId,
    elapsedMs: Math.min(MAX_ELAPSED_MS, Math.max(0, (context.now ?? Date.now()) - draft.startedAt)),
    locale: context.locale,
    ...(link.token ? { token: link.token } : {}),
    ...(link.touchpoint ? { touchpoint: link.touchpoint } : {}),
    ...(link.channel ? { channel: link.channel } : {}),
    ...(link.sig ? { sig: link.sig } : {}),
    ...(context.honeypot ? { [HONEYPOT_FIELD]: context.honeypot } : {}),
  };
}
