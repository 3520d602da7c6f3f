/**
 * The root-cause taxonomy admins keep for cases (and, later, improvement actions): a slug key that
 * cases store, names in both UI languages, an optional parent, and an archived flag instead of
 * deletion, so the cases that already carry a key keep a readable name.
 */
import { z } from 'zod';
import { slugSchema } from '../survey-definition/metric-vocabulary';

const categoryNamesSchema = z.object({ en: z.string().trim().min(1).max(100), 'zh-CN': z.string().trim().min(1).max(100) }).strict();

export const caseCategoryUpdateSchema = z
  .object({
    names: categoryNamesSchema,
    parent: slugSchema.nullable().default(null),
    archived: z.boolean().default(false),
  })
  .strict();
export type CaseCategoryUpdate = z.infer<typeof caseCategoryUpdateSchema>;

export const caseCategoryInputSchema = caseCategoryUpdateSchema.extend({ key: slugSchema }).strict();
export type CaseCategoryInput = z.infer<typeof caseCategoryInputSchema>;

export const caseCategoryParamsSchema = z.object({ key: slugSchema }).strict();

/** `archived=true` lists archived ones too (the default lists what new cases may use). */
export const caseCategoryListQuerySchema = z.object({ archived: z.enum(['true', 'false']).default('false') }).strict();

export const caseCategorySchema = z.object({ key: z.string(), names: categoryNamesSchema, parent: z.string().nullable(), archived: z.boolean() });
export type CaseCategory = z.infer<typeof caseCategorySchema>;
export const caseCategoryListSchema = z.object({ categories: z.array(caseCategorySchema) });
