import type { CaseCategory } from '@shared/cases/case-category.schema';
import { useLocale } from '../i18n/i18n-context';

/** The `<option>`s of a category select (case page, action form, parent choice), named in the UI language. */
export function CategoryOptions({ categories }: { categories: readonly CaseCategory[] }) {
  const { locale } = useLocale();
  return (
    <>
      {categories.map((category) => (
        <option key={category.key} value={category.key}>
          {category.names[locale]}
        </option>
      ))}
    </>
  );
}
