import { allQuestions, type SurveyDefinitionJson, type SurveyElementJson } from '../survey-definition/walk-questions';

// Plain text fields count; number, date, email and the like do not.
const TEXT_INPUT_TYPES = new Set([undefined, '', 'text']);

/**
 * Whether a question's answer is a comment: long-text questions, questions tagged as comments, and
 * plain text fields. The dashboard's comment list and the theme tagging read the same questions.
 */
export function isCommentQuestion(question: SurveyElementJson): boolean {
  return (
    question.type === 'comment' ||
    question.metric === 'comment' ||
    (question.type === 'text' && TEXT_INPUT_TYPES.has(question.inputType as string | undefined))
  );
}

/** The non-blank comments of one response, in page order: what its themes and terms are read from. */
export function commentTexts(definition: SurveyDefinitionJson, answers: Record<string, unknown>): string[] {
  const texts: string[] = [];
  for (const question of allQuestions(definition)) {
    if (!isCommentQuestion(question) || typeof question.name !== 'string') continue;
    const answer = Object.hasOwn(answers, question.name) ? answers[question.name] : undefined;
    if (typeof answer === 'string' && answer.trim() !== '') texts.push(answer.trim());
  }
  return texts;
}
