import type { validateAnswers } from '@shared/survey/answer-validation';

export type AnswerValidator = typeof validateAnswers;

let loading: Promise<AnswerValidator | null> | undefined;

/**
 * The shared answer validator (the API runs the same code), loaded after the first question is on
 * screen: it is needed only to carry answers over and to send them, and keeps the first paint lean.
 * Null when it cannot be fetched (offline since the page loaded); the server still validates.
 */
export function loadAnswerValidator(): Promise<AnswerValidator | null> {
  loading ??= import('@shared/survey/answer-validation').then(
    (module) => module.validateAnswers,
    (error: unknown) => {
      console.warn('Answer validator not loaded', error);
      loading = undefined;
      return null;
    },
  );
  return loading;
}
