import { z } from 'zod';
import { KANO_SIDES, METRICS, SERVQUAL_DIMENSIONS, SERVQUAL_SIDES } from './metric-vocabulary';
import type { KanoSide, Metric, ServqualDimension, ServqualSide } from './metric-vocabulary';

const oneOf = (property: string, values: readonly string[]) => `${property} must be one of: ${values.join(', ')}`;

/** SurveyJS localizable text: a plain string or `{ default, "zh-cn", ... }`. */
export const localizableTextSchema = z.union([z.string(), z.record(z.string(), z.string())]);

/** Id that pairs two questions (a SERVQUAL item, a Kano feature): letters, digits, `_` and `-`. */
export const pairIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1–64 letters, digits, "_" or "-", starting with a letter or digit');

const legacyQuestions = z.never({ error: 'use "elements"; the legacy "questions" key is not supported' }).optional();

/** A page element (question or panel) as stored: any SurveyJS property passes, Touchpoint's own are checked. */
export interface SurveyElement {
  type: string;
  name: string;
  elements?: SurveyElement[] | undefined;
  templateElements?: SurveyElement[] | undefined;
  metric?: Metric | undefined;
  dimension?: ServqualDimension | undefined;
  servqual?: ServqualSide | undefined;
  item?: string | undefined;
  feature?: string | undefined;
  kano?: KanoSide | undefined;
  [property: string]: unknown;
}

export const surveyElementSchema: z.ZodType<SurveyElement> = z.looseObject({
  type: z.string({ error: 'type is required' }).min(1, 'type is required'),
  name: z.string({ error: 'name is required' }).min(1, 'name is required'),
  get elements() {
    return z.array(surveyElementSchema).optional();
  },
  get templateElements() {
    return z.array(surveyElementSchema).optional();
  },
  questions: legacyQuestions,
  metric: z.enum(METRICS, { error: oneOf('metric', METRICS) }).optional(),
  dimension: z.enum(SERVQUAL_DIMENSIONS, { error: oneOf('dimension', SERVQUAL_DIMENSIONS) }).optional(),
  servqual: z.enum(SERVQUAL_SIDES, { error: oneOf('servqual', SERVQUAL_SIDES) }).optional(),
  item: pairIdSchema.optional(),
  feature: pairIdSchema.optional(),
  kano: z.enum(KANO_SIDES, { error: oneOf('kano', KANO_SIDES) }).optional(),
});

export const surveyPageSchema = z.looseObject({
  name: z.string().optional(),
  elements: z.array(surveyElementSchema).optional(),
  questions: legacyQuestions,
});

/** Shape of a SurveyJS definition as Touchpoint stores it; `checkDefinitionContract` adds the semantic rules. */
export const surveyDefinitionSchema = z.looseObject({
  title: localizableTextSchema.optional(),
  description: localizableTextSchema.optional(),
  pages: z.array(surveyPageSchema).optional(),
  elements: z.array(surveyElementSchema).optional(),
  questions: legacyQuestions,
});
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
