import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';

/** Stand-in for a section that later work fills in; says what will be there. */
export function SectionPlaceholder({ titleKey, descriptionKey }: { titleKey: MessageKey; descriptionKey: MessageKey }) {
  const t = useT();
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t(titleKey)}</h1>
      <p className="page-lead">{t(descriptionKey)}</p>
      <p className="placeholder-note">{t('section.comingSoon')}</p>
    </section>
  );
}
