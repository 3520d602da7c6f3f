import { useEffect, useMemo } from 'react';
import { Survey } from 'survey-react-ui';
import type { SurveyDefinition } from '@shared/survey-definition/definition.schema';
import { useT } from '../i18n/i18n-context';
import type { Locale } from '../i18n/locale';
import { useLoad } from '../lib/use-load';
import { createSurveyModel } from '../respond/create-survey-model';
import { SectionErrorBoundary } from '../staff/SectionErrorBoundary';
// Fontless: the regular stylesheet downloads Open Sans from Google; the staff app makes no outside requests.
import 'survey-core/survey-core.fontless.min.css';

const PREVIEW_DELAY_MS = 300;

/** Resolves after `ms` unless the signal aborts first, so a superseded rebuild never starts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** The draft as respondents will see it, rendered by survey-react-ui; follows the selected question's page. */
export function SurveyPreview({ definition, locale, selected }: { definition: SurveyDefinition; locale: Locale; selected: string | null }) {
  const t = useT();
  const key = useMemo(() => `preview ${locale} ${JSON.stringify(definition)}`, [definition, locale]);
  // Typing rebuilds the model at most every few hundred milliseconds; the last good preview stays meanwhile.
  const { state } = useLoad(key, (signal) => pause(PREVIEW_DELAY_MS, signal).then(() => createSurveyModel(definition, locale)), { quiet: true });
  const model = state.kind === 'ready' ? state.value : null;
  const failed = state.kind === 'failed' || (state.kind === 'ready' && state.refreshFailed !== undefined);

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
