import { z } from 'zod';
import { objectIdSchema } from '../http/object-id.schema';
import { contractedDefinitionSchema } from '../survey-definition/definition-contract';
import { surveyDefinitionSchema } from '../survey-definition/definition.schema';
import { templateKeySchema } from '../survey-definition/templates';

export type { TemplateKey } from '../survey-definition/templates';

export const SURVEY_STATUSES = ['draft', 'published', 'archived'] as const;
export const surveyStatusSchema = z.enum(SURVEY_STATUSES);
export type SurveyStatus = z.infer<typeof surveyStatusSchema>;


const titleSchema = z.string().trim().min(1).max(200);

/**
 * Whether an anonymous public link may tag answers with any touchpoint/channel (`?tp=&ch=`). Off by
 * default: then only links staff made (`POST /api/surveys/:id/links`, signed) can tag them.
 */
const allowUnsignedTagsSchema = z.boolean();

/** A new survey starts from a template, from a given definition, or empty; never from both. */
export const createSurveyInputSchema = z
  .object({
    title: titleSchema,
    template: templateKeySchema.optional(),
    definition: contractedDefinitionSchema.optional(),
    allowUnsignedTags: allowUnsignedTagsSchema.optional(),
  })
  .strict()
  .refine((input) => input.template === undefined || input.definition === undefined, {
    message: 'give either a template or a definition, not both',
    path: ['template'],
  });
export type CreateSurveyInput = z.infer<typeof createSurveyInputSchema>;

export const updateSurveyInputSchema = z
  .object({ title: titleSchema.optional(), definition: contractedDefinitionSchema.optional(), allowUnsignedTags: allowUnsignedTagsSchema.optional() })
  .strict();
export type UpdateSurveyInput = z.infer<typeof updateSurveyInputSchema>;

export const surveyIdParamsSchema = z.object({ id: objectIdSchema });
export const surveyVersionParamsSchema = surveyIdParamsSchema.extend({ n: z.coerce.number().int().min(1).max(1_000_000) });
export const publicSlugParamsSchema = z.object({ slug: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, 'must be a survey link') });

export const surveyVersionSummarySchema = z.object({ version: z.number().int(), publishedAt: z.string() });

export const surveySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  status: surveyStatusSchema,
  definition: surveyDefinitionSchema,
  /** True when the draft differs from the latest published version. */
  hasUnpublishedChanges: z.boolean(),
  allowUnsignedTags: allowUnsignedTagsSchema,
  versions: z.array(surveyVersionSummarySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Survey = z.infer<typeof surveySchema>;

export const surveyListSchema = z.object({
  surveys: z.array(surveySchema.omit({ definition: true, versions: true, hasUnpublishedChanges: true, allowUnsignedTags: true }).extend({ latestVersion: z.number().int().nullable() })),
});

export const createdSurveySchema = z.object({ id: z.string(), slug: z.string(), status: surveyStatusSchema });

export const definitionChangesSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
  titleChanged: z.boolean(),
});
export type DefinitionChanges = z.infer<typeof definitionChangesSchema>;

export const publishedSchema = z.object({ version: z.number().int(), slug: z.string(), changes: definitionChangesSchema });

export const surveyVersionSchema = z.object({
  surveyId: z.string(),
  version: z.number().int(),
  definition: surveyDefinitionSchema,
  publishedAt: z.string(),
});
export type SurveyVersion = z.infer<typeof surveyVersionSchema>;

/** Reply of `GET /api/surveys/templates`. */
export const templateListSchema = z.object({
  templates: z.array(z.object({ key: templateKeySchema, title: z.string(), description: z.string(), questionCount: z.number().int() })),
});
export type TemplateSummary = z.infer<typeof templateListSchema>['templates'][number];
