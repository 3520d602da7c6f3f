export interface InvalidParam {
  /** Question name, or `answers` for a problem with the whole object. */
  name: string;
  reason: string;
}
export type AnswerValidationResult =
  | { ok: true; answers: Record<string, unknown> }
  | { ok: false; invalidParams: InvalidParam[] };

export interface AnswerValidationOptions {
  /** Cap on free text, applied on top of a question's own maxLength. */
  maxTextLength?: number;
  /** Skip required-answer checks, for saving a response that is still in progress. */
  partial?: boolean;
}

export function fail(invalidParams: InvalidParam[]): AnswerValidationResult {
  return { ok: false, invalidParams };
}

export const NOT_AN_OBJECT: InvalidParam = { name: 'answers', reason: 'must be an object keyed by question name' };
