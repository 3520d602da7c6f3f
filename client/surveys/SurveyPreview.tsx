import { useEffect, useState } from 'react';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { useT } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locale';
import { createSurveyModel } from '../respond/create-survey-model';
import { SectionErrorBoundary } from '../staff/SectionErrorBoundary';
// Fontless: the regular stylesheet downloads Open Sans from Google; the staff app makes no outside requests.
import 'survey-core/survey-core.fontless.min.css';

const PREVIEW_DELAY_MS = 300;

/** The draft as respondents will see it, rendered by survey-react-ui; follows the selected question's page. */
export function SurveyPreview({ definition, locale, selected }: { definition: SurveyDefinition; locale: Locale; selected: string | null }) {
  const t = useT();
  const [model, setModel] = useState<Model | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    // Typing rebuilds the model at most every few hundred milliseconds.
    const timer = setTimeout(() => {
      createSurveyModel(definition, locale).then(
        (next) => {
          if (cancelled) return;
          setModel(next);
          setFailed(false);
        },
        (error: unknown) => {
          console.warn('Preview could not be built', error);
          if (!cancelled) setFailed(true);
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [definition, locale]);

  useEffect(() => {
    if (!model || !selected) return;
    const page = model.getQuestionByName(selected)?.page;
    if (page && model.currentPage !== page) model.currentPage = page;
  }, [model, selected]);

  return (
    <section className="builder-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('builder.preview.heading')}</h2>
      {failed && <p className="banner banner-error">{t('builder.preview.failed')}</p>}
      {!model && !failed && <p aria-busy="true">{t('app.loading')}</p>}
      {model && (
        <div className="preview-frame">
          <SectionErrorBoundary key={model.id} fallback={<p className="banner banner-error">{t('builder.preview.failed')}</p>}>
            <Survey model={model} />
          </SectionErrorBoundary>
        </div>
      )}
    </section>
  );
}
