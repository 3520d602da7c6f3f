/**
 * The category form as typed and its conversion to the API body; the shared schemas do the checking.
 * A stored category's key never changes (cases carry it), so an edit sends names, parent and archived only.
 */
import { caseCategoryInputSchema, caseCategoryUpdateSchema, type CaseCategory, type CaseCategoryInput, type CaseCategoryUpdate } from '@shared/cases/case-category.schema';
import type { InvalidParam } from '@shared/http/problem.schema';
import { issuesAsParams } from '../../lib/field-errors';

export interface CategoryFields {
  key: string;
  en: string;
  zhCN: string;
  /** '' for a top-level category. */
  parent: string;
  archived: boolean;
}

export const CATEGORY_FIELDS = ['key', 'names.en', 'names.zh-CN', 'names', 'parent', 'archived'] as const;
export type CategoryField = (typeof CATEGORY_FIELDS)[number];

export const emptyCategoryFields = (): CategoryFields => ({ key: '', en: '', zhCN: '', parent: '', archived: false });

export function categoryFieldsFrom(category: CaseCategory): CategoryFields {
  return { key: category.key, en: category.names.en, zhCN: category.names['zh-CN'], parent: category.parent ?? '', archived: category.archived };
}

type Made<I> = { ok: true; input: I } | { ok: false; params: InvalidParam[] };

const updateBody = (fields: CategoryFields) => ({ names: { en: fields.en, 'zh-CN': fields.zhCN }, parent: fields.parent || null, archived: fields.archived });

/** The body of an edit of a stored category. */
export function categoryUpdateFrom(fields: CategoryFields): Made<CaseCategoryUpdate> {
  const parsed = caseCategoryUpdateSchema.safeParse(updateBody(fields));
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, params: issuesAsParams(parsed.error) };
}

/** The body of a new category. */
export function categoryInputFrom(fields: CategoryFields): Made<CaseCategoryInput> {
  const parsed = caseCategoryInputSchema.safeParse({ key: fields.key.trim(), ...updateBody(fields) });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, params: issuesAsParams(parsed.error) };
}
