import { z } from 'zod';
import { slugSchema } from '../survey-definition/metric-vocabulary';

/** The `sig` of a staff-made survey link: a MAC over survey, touchpoint and channel (22 base64url characters). */
export const surveyLinkSignatureSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be the sig from a survey link');

/** Body of `POST /api/surveys/:id/links`: the touchpoint and/or channel a public link should tag its answers with. */
export const surveyLinkInputSchema = z
  .object({ touchpoint: slugSchema.optional(), channel: slugSchema.optional() })
  .strict()
  .refine((input) => input.touchpoint !== undefined || input.channel !== undefined, {
    message: 'give a touchpoint, a channel or both; an untagged link needs no signing',
    path: ['touchpoint'],
  });
export type SurveyLinkInput = z.infer<typeof surveyLinkInputSchema>;

/** Reply of `POST /api/surveys/:id/links`. */
export const signedSurveyLinkSchema = z.object({
  url: z.string(),
  slug: z.string(),
  touchpoint: z.string().nullable(),
  channel: z.string().nullable(),
  sig: z.string(),
});
export type SignedSurveyLink = z.infer<typeof signedSurveyLinkSchema>;
