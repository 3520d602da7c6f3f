import { z } from 'zod';
import { surveyDefinitionSchema } from '../survey-definition/definition.schema';

/**
 * Reply of `GET /api/public/surveys/:slug`: the published version a respondent fills in. Kept apart
 * from the staff survey schemas so the respondent page loads nothing else.
 */
export const publicSurveySchema = z.object({
  slug: z.string().min(1),
  version: z.number().int().positive(),
  definition: surveyDefinitionSchema,
});
export type PublicSurvey = z.infer<typeof publicSurveySchema>;

export { EMBEDDED_SURVEY_ID } from './embedded-survey';
