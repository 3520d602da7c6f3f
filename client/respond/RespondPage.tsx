import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import type { Model } from 'survey-core';
import { EMBEDDED_SURVEY_ID } from '@shared/surveys/embedded-survey';
import type { Locale } from '../i18n/locale';
import { useLoad } from '../lib/use-load';
import { createSurveyModel } from './create-survey-model';
import { confirmPublicSurvey, embeddedSurvey, loadPublicSurvey, slugFromPath, type PublicSurvey } from './public-survey-api';
import { readKioskCredential } from './kiosk-link';
import { LoadingStatus } from './LoadingStatus';
import { readRespondLink } from './respond-link';
import { respondMessages, type RespondMessages } from './respond-messages';
import { RespondSurvey, type FinalRefusal } from './RespondSurvey';

// A kiosk link (`#kiosk=`) is rare next to customers' own links: its code loads only when asked for.
const KioskSurvey = lazy(() => import('./kiosk/KioskSurvey'));

/** What the page shows once loading is over; `failed` also stands for a survey the shared schema rejects. */
type Shown =
  | { kind: 'not-found' }
  | { kind: 'failed' }
  | { kind: 'ready'; slug: string; survey: PublicSurvey; model: Model }
  | { kind: 'refused'; refusal: FinalRefusal };

async function loadShown(locale: Locale): Promise<Shown> {
  const slug = slugFromPath(window.location.pathname);
  if (!slug) return { kind: 'not-found' };
  const embedded = embeddedSurvey(document.getElementById(EMBEDDED_SURVEY_ID)?.textContent, slug);
  const result = embedded ? ({ kind: 'found', survey: embedded } as const) : await loadPublicSurvey(slug);
  if (result.kind === 'not-found') return result;
  if (result.kind === 'failed') throw new Error(`Survey not loaded: ${result.reason}`);
  // A definition SurveyJS cannot build fails here too rather than as a blank page.
  return { kind: 'ready', slug, survey: result.survey, model: await createSurveyModel(result.survey.definition, locale) };
}

function refusalText(refusal: FinalRefusal, messages: RespondMessages): [string, string] {
  switch (refusal) {
    case 'token-used':
      return [messages.tokenUsedTitle, messages.tokenUsedBody];
    case 'token-expired':
      return [messages.tokenExpiredTitle, messages.tokenExpiredBody];
    case 'token-invalid':
      return [messages.tokenInvalidTitle, messages.tokenInvalidBody];
    case 'closed':
      return [messages.closedTitle, messages.closedBody];
  }
}

/** The public survey page for `/s/:slug` (`?t=` personal token, `tp=` touchpoint, `ch=` channel; `#kiosk=` a kiosk tablet). */
export function RespondPage({ locale }: { locale: Locale }) {
  const messages = respondMessages[locale];
  const { state: load, retry, replace } = useLoad(`survey ${locale}`, () => loadShown(locale));
  const state: Shown | { kind: 'loading' } = load.kind === 'ready' ? load.value : load.kind === 'failed' ? { kind: 'failed' } : load;
  const refuse = useCallback((refusal: FinalRefusal) => replace({ kind: 'refused', refusal }), [replace]);
  const link = useMemo(() => readRespondLink(window.location.search), []);
  const kioskCredential = useMemo(() => readKioskCredential(window.location.hash), []);

  // Rendered after a quick look at its shape; the shared schema, loaded once the survey is on screen, has the last word.
  const shown = state.kind === 'ready' ? state.survey : null;
  useEffect(() => {
    if (!shown) return;
    let cancelled = false;
    void confirmPublicSurvey(shown).then((problem) => {
      if (problem === null || cancelled) return;
      console.error('Survey does not match the shared schema:', problem);
      replace({ kind: 'failed' });
    });
    return () => {
      cancelled = true;
    };
  }, [shown, replace]);

  const surveyTitle = state.kind === 'ready' ? state.model.title : '';
  useEffect(() => {
    document.title = surveyTitle || messages.documentTitle;
  }, [surveyTitle, messages.documentTitle]);

  switch (state.kind) {
    case 'loading':
      return <LoadingStatus text={messages.loading} />;
    case 'not-found':
      return (
        <main className="respond-message">
          <h1>{messages.notFoundTitle}</h1>
          <p>{messages.notFoundBody}</p>
        </main>
      );
    case 'failed':
      return (
        <main className="respond-message" role="alert">
          <h1>{messages.errorTitle}</h1>
          <p>{messages.errorBody}</p>
          <button type="button" className="button button-primary" onClick={retry}>
            {messages.retry}
          </button>
        </main>
      );
    case 'refused': {
      const [title, body] = refusalText(state.refusal, messages);
      return (
        <main className="respond-message" role="alert">
          <h1>{title}</h1>
          <p>{body}</p>
        </main>
      );
    }
    case 'ready':
      if (kioskCredential !== null) {
        return (
          <Suspense fallback={<LoadingStatus text={messages.loading} />}>
            <KioskSurvey credential={kioskCredential} slug={state.slug} survey={state.survey} model={state.model} locale={locale} messages={messages} />
          </Suspense>
        );
      }
      return (
        <RespondSurvey
          slug={state.slug}
          survey={state.survey}
          model={state.model}
          link={link}
          locale={locale}
          messages={messages}
          onRefused={refuse}
        />
      );
  }
}
