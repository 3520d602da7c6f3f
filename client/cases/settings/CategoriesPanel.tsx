import { useId, useState, type FormEvent } from 'react';
import type { CaseCategory } from '@shared/cases/case-category.schema';
import { useLocale, useT } from '../../i18n/i18n-context';
import { api } from '../../lib/api-client';
import { caseCategoriesApi, categoryName } from '../case-categories';
import { CategoryOptions } from '../CategoryOptions';
import { categoryFieldsFrom, categoryInputFrom, categoryUpdateFrom, CATEGORY_FIELDS, emptyCategoryFields, type CategoryField, type CategoryFields } from './category-form';
import { FieldError } from '../../lib/FieldError';
import { SettingsFormFooter, SettingsListEditor, useSettingsSave } from '../../lib/settings-form';

const calls = caseCategoriesApi(api);

/**
 * The root-cause taxonomy cases are filed under and improvement actions name: add, rename, nest,
 * archive (never delete: cases keep the key and its name). Archived ones stay listed to unarchive.
 */
export function CategoriesPanel({ categories, onSaved }: { categories: CaseCategory[]; onSaved: (category: CaseCategory) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const items = categories.map((category) => ({ id: category.key, name: category.names[locale], category }));
  return (
    <section className="panel" aria-labelledby="case-categories">
      <h2 id="case-categories">{t('caseSettings.categories')}</h2>
      <p className="hint">{t('caseSettings.categoriesLead')}</p>
      <SettingsListEditor
        items={items}
        empty={t('caseSettings.noCategories')}
        newLabel={t('caseSettings.newCategory')}
        describe={({ name, category }) =>
          [name, category.key, category.parent ? t('caseSettings.under', { parent: categoryName(category.parent, categories, locale) }) : '', category.archived ? t('caseSettings.archivedMark') : '']
            .filter(Boolean)
            .join(' · ')
        }
        form={(item, close) => (
          <CategoryForm
            category={item?.category ?? null}
            categories={categories}
            onCancel={close}
            onSaved={(saved) => {
              close();
              onSaved(saved);
            }}
          />
        )}
      />
    </section>
  );
}

interface FormProps {
  category: CaseCategory | null;
  categories: CaseCategory[];
  onCancel: () => void;
  onSaved: (category: CaseCategory) => void;
}

function CategoryForm({ category, categories, onCancel, onSaved }: FormProps) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const [fields, setFields] = useState<CategoryFields>(() => (category ? categoryFieldsFrom(category) : emptyCategoryFields()));
  const { errors, other, busy, save } = useSettingsSave<CategoryField>();
  const set = (patch: Partial<CategoryFields>) => setFields({ ...fields, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (category) void save(categoryUpdateFrom(fields), CATEGORY_FIELDS, (input) => calls.update(category.key, input), onSaved);
    else void save(categoryInputFrom(fields), CATEGORY_FIELDS, (input) => calls.create(input), onSaved);
  };
  const described = (field: CategoryField) => (errors[field] ? { 'aria-describedby': `${id}-${field}-error`, 'aria-invalid': true } : {});
  // The server refuses loops; the list leaves out only the category itself.
  const parents = categories.filter((c) => c.key !== category?.key);
  const name = category ? category.names[locale] : '';

  return (
    <form onSubmit={submit} aria-label={category ? t('caseSettings.editCategory', { name }) : t('caseSettings.newCategory')} noValidate>
      {!category && (
        <div className="field">
          <label htmlFor={`${id}-key`}>{t('caseSettings.categoryKey')}</label>
          <input id={`${id}-key`} value={fields.key} onChange={(e) => set({ key: e.target.value })} {...described('key')} />
          <p className="hint">{t('caseSettings.categoryKeyHint')}</p>
          <FieldError id={`${id}-key-error`} message={errors.key} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-en`}>{t('caseSettings.categoryNameEn')}</label>
        <input id={`${id}-en`} value={fields.en} onChange={(e) => set({ en: e.target.value })} {...described('names.en')} />
        <FieldError id={`${id}-names.en-error`} message={errors['names.en']} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-zh`}>{t('caseSettings.categoryNameZh')}</label>
        <input id={`${id}-zh`} value={fields.zhCN} onChange={(e) => set({ zhCN: e.target.value })} {...described('names.zh-CN')} />
        <FieldError id={`${id}-names.zh-CN-error`} message={errors['names.zh-CN']} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-parent`}>{t('caseSettings.categoryParent')}</label>
        <select id={`${id}-parent`} value={fields.parent} onChange={(e) => set({ parent: e.target.value })} {...described('parent')}>
          <option value="">{t('caseSettings.noParent')}</option>
          <CategoryOptions categories={parents} />
        </select>
        <FieldError id={`${id}-parent-error`} message={errors.parent} />
      </div>
      <label className="checkbox-field">
        <input type="checkbox" checked={fields.archived} onChange={(e) => set({ archived: e.target.checked })} /> {t('caseSettings.categoryArchived')}
      </label>
      <p className="hint">{t('caseSettings.categoryArchivedHint')}</p>
      <SettingsFormFooter errors={errors} other={other} busy={busy} onCancel={onCancel} />
    </form>
  );
}
