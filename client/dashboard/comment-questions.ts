import type { StoredResponse } from '@shared/responses/response-list.schema';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import type { UiLocale } from '@shared/survey-definition/survey-locale';
import { allQuestions, type SurveyDefinitionJson } from '@shared/survey-definition/walk-questions';
import { isCommentQuestion } from '@shared/themes/comment-text';
import { readText } from '../surveys/localized-text';

export interface CommentQuestion {
  name: string;
  title: string;
}

/** The free-text questions of a definition, in page order, with their titles in the staff member's language. */
export function commentQuestions(definition: SurveyDefinition, locale: UiLocale): CommentQuestion[] {
  return allQuestions(definition as SurveyDefinitionJson)
    .filter(isCommentQuestion)
    .map((question) => ({ name: question.name, title: readText(question.title, locale) || question.name }));
}

export interface Comment {
  responseId: string;
  question: CommentQuestion;
  text: string;
  submittedAt: string;
  channel: string | null;
  metrics: StoredResponse['metrics'];
}

/** The non-empty free-text answers of some responses, newest response first. */
export function commentsOf(responses: readonly StoredResponse[], questions: readonly CommentQuestion[]): Comment[] {
  return responses.flatMap((response) =>
    questions.flatMap((question) => {
      const answer = response.answers[question.name];
      if (typeof answer !== 'string' || answer.trim() === '') return [];
      return [{ responseId: response.id, question, text: answer.trim(), submittedAt: response.submittedAt, channel: response.channel, metrics: response.metrics }];
    }),
  );
}

/** Score filters offered above the comments; each maps to the response list's metric/min/max. */
export const SCORE_FILTERS = {
  all: null,
  detractors: { metric: 'nps', min: 0, max: 6 },
  passives: { metric: 'nps', min: 7, max: 8 },
  promoters: { metric: 'nps', min: 9, max: 10 },
  dissatisfied: { metric: 'csat', min: 1, max: 2 },
  satisfied: { metric: 'csat', min: 4, max: 5 },
} as const;
export type ScoreFilter = keyof typeof SCORE_FILTERS;
