import type { CaseCategory, CaseCategoryInput, CaseCategoryUpdate } from '@shared/cases/case-category.schema';
import { Conflict, Invalid, NotFound } from '../lib/errors';
import { isDuplicateKey } from '../lib/mongo-errors';
import { CaseCategoryModel } from './case-category.model';

type CategoryDoc = { key: string; names: { en: string; 'zh-CN': string }; parent?: string | null; archived?: boolean };
const toCategory = (doc: CategoryDoc): CaseCategory => ({
  key: doc.key,
  names: { en: doc.names.en, 'zh-CN': doc.names['zh-CN'] },
  parent: doc.parent ?? null,
  archived: doc.archived ?? false,
});

export async function listCaseCategories(includeArchived: boolean): Promise<CaseCategory[]> {
  const docs = await CaseCategoryModel.find(includeArchived ? {} : { archived: false }).sort({ key: 1 }).lean<CategoryDoc[]>();
  return docs.map(toCategory);
}

/** A parent must exist and must not be the category itself or one of its descendants (no loops). */
async function checkParent(key: string, parent: string | null): Promise<void> {
  const invalid = (reason: string) => new Invalid('The parent category is not usable.', [{ name: 'body.parent', reason }]);
  for (let at = parent, depth = 0; at !== null; depth++) {
    if (at === key) throw invalid('must not be the category itself or one of its sub-categories');
    const doc = await CaseCategoryModel.findOne({ key: at }, { parent: 1 }).lean<{ parent?: string | null }>();
    if (!doc) throw invalid('must be an existing category');
    // A stored chain is loop-free by this check; the bound only guards against hand-edited data.
    if (depth > 50) throw invalid('is nested too deeply');
    at = doc.parent ?? null;
  }
}

export async function createCaseCategory(body: CaseCategoryInput): Promise<CaseCategory> {
  await checkParent(body.key, body.parent);
  try {
    return toCategory((await CaseCategoryModel.create(body)).toObject() as CategoryDoc);
  } catch (error) {
    if (isDuplicateKey(error)) throw new Conflict(`There is already a category ${body.key}; archive or edit it instead.`, 'category-exists');
    throw error;
  }
}

/** Replaces a category's names, parent and archived flag; its key (what cases store) never changes. */
export async function updateCaseCategory(key: string, body: CaseCategoryUpdate): Promise<CaseCategory> {
  if (!(await CaseCategoryModel.exists({ key }))) throw new NotFound(`There is no category ${key}.`);
  await checkParent(key, body.parent);
  const doc = await CaseCategoryModel.findOneAndUpdate({ key }, { $set: body }, { returnDocument: 'after' }).lean<CategoryDoc>();
  if (!doc) throw new NotFound(`There is no category ${key}.`);
  return toCategory(doc);
}

/** Whether `key` is a category new cases may carry (it exists and is not archived). */
export async function isUsableCategory(key: string): Promise<boolean> {
  return (await CaseCategoryModel.exists({ key, archived: false })) !== null;
}

/** 400 naming `field` unless `key` is an existing, non-archived category. */
export async function checkCaseCategory(key: string | null | undefined, field = 'body.category'): Promise<void> {
  if (key == null || (await isUsableCategory(key))) return;
  throw new Invalid(`There is no usable category ${key}.`, [{ name: field, reason: 'must be an existing category that is not archived' }]);
}
