/**
 * What the page checks with shared code (the API runs the same): the answer validator and the zod
 * schemas of the survey and of the replies. Imported only through load-checks.ts, so it is one chunk
 * fetched after the first question is on screen and none of it weighs on the first paint.
 */
export { validateAnswers } from '@shared/survey-definition/answer-validation';
export { publicSurveySchema } from '@shared/surveys/public-survey.schema';
export { problemSchema } from '@shared/http/problem.schema';
export { submitResponseReplySchema } from '@shared/responses/response-reply.schema';
