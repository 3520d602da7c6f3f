import { caseCategoryListSchema, caseCategorySchema, type CaseCategory, type CaseCategoryInput, type CaseCategoryUpdate } from '@shared/cases/case-category.schema';
import type { Locale } from '../i18n/locale';
import type { ApiClient } from '../lib/api-client';

/** The root-cause taxonomy's calls: agents read it (cases, actions); admins keep it (case settings). */
export function caseCategoriesApi(api: ApiClient) {
  return {
    /** Usable categories; `archived` lists the archived ones too. */
    list: (archived = false) => api.get(`/api/case-admin/categories${archived ? '?archived=true' : ''}`, caseCategoryListSchema).then((reply) => reply.categories),
    create: (input: CaseCategoryInput) => api.post('/api/case-admin/categories', input, caseCategorySchema),
    update: (key: string, input: CaseCategoryUpdate) => api.put(`/api/case-admin/categories/${key}`, input, caseCategorySchema),
  };
}

/** A category's name in the UI language; a key the list does not hold (archived meanwhile) is shown as it is. */
export function categoryName(key: string, categories: readonly CaseCategory[], locale: Locale): string {
  return categories.find((c) => c.key === key)?.names[locale] ?? key;
}
