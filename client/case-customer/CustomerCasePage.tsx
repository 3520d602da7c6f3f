import { useCallback, useEffect, useState } from 'react';
import { LocaleSelect } from '../i18n/LanguageSelect';
import { formatMessage, rememberLocale, type Locale } from '../i18n/locale';
import { loadCustomerCase, tokenFromPath, type CaseCall, type CustomerCaseView } from './case-customer-api';
import { caseMessages, type CaseMessageKey } from './case-messages';
import { ReplyForm } from './ReplyForm';
import { ResolutionForm } from './ResolutionForm';

export type CaseTranslate = (key: CaseMessageKey, params?: Record<string, string>) => string;

type PageState = { kind: 'loading' } | { kind: 'ready'; view: CustomerCaseView } | { kind: 'refused'; status: number } | { kind: 'failed' };

/**
 * The customer's case page (`/c/:token`, no login): the conversation with our team, a reply form while
 * the case is worked on, and "was this resolved?" with a CSAT after a resolution.
 */
export function CustomerCasePage({ initialLocale }: { initialLocale: Locale }) {
  const [locale, setLocale] = useState(initialLocale);
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [notice, setNotice] = useState<CaseMessageKey | null>(null);
  const token = tokenFromPath(window.location.pathname);
  const t: CaseTranslate = useCallback((key, params) => formatMessage(caseMessages[locale][key], params), [locale]);

  const load = useCallback(() => {
    if (!token) return setState({ kind: 'refused', status: 403 });
    setState({ kind: 'loading' });
    void loadCustomerCase(token).then((result) => setState(result.kind === 'ok' ? { kind: 'ready', view: result.view } : result));
  }, [token]);
  useEffect(load, [load]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = state.kind === 'ready' ? t('documentTitle', { ref: state.view.ref }) : t('loading');
  }, [locale, state, t]);

  /** A form's call: a new view replaces the page's; a refusal is explained, then the case reloaded. */
  const settle = useCallback(
    (result: CaseCall, success: CaseMessageKey): boolean => {
      if (result.kind === 'ok') {
        setState({ kind: 'ready', view: result.view });
        setNotice(success);
        return true;
      }
      if (result.kind === 'refused' && (result.status === 403 || result.status === 410)) setState(result);
      else setNotice(result.kind === 'failed' ? 'sendFailed' : result.status === 429 ? 'busy' : 'conflict');
      if (result.kind === 'refused' && result.status === 409 && token) void loadCustomerCase(token).then((r) => r.kind === 'ok' && setState({ kind: 'ready', view: r.view }));
      return false;
    },
    [token],
  );

  const chooseLocale = (next: Locale) => {
    rememberLocale(next);
    setLocale(next);
  };

  return (
    <main className="case-page">
      <div className="case-language">
        <LocaleSelect label={t('language')} locale={locale} onChange={chooseLocale} />
      </div>
      <CaseBody state={state} t={t} token={token ?? ''} settle={settle} onRetry={load} />
      <p className="case-notice" role="status" aria-live="polite">
        {notice ? t(notice) : ''}
      </p>
    </main>
  );
}

interface BodyProps {
  state: PageState;
  t: CaseTranslate;
  token: string;
  settle: (result: CaseCall, success: CaseMessageKey) => boolean;
  onRetry: () => void;
}

function CaseBody({ state, t, token, settle, onRetry }: BodyProps) {
  switch (state.kind) {
    case 'loading':
      return (
        <p className="case-status" aria-busy="true">
          {t('loading')}
        </p>
      );
    case 'refused':
    case 'failed': {
      const [title, body] =
        state.kind === 'refused' && state.status === 403
          ? (['forbiddenTitle', 'forbiddenBody'] as const)
          : state.kind === 'refused' && state.status === 410
            ? (['expiredTitle', 'expiredBody'] as const)
            : (['errorTitle', 'errorBody'] as const);
      return (
        <section className="case-message" role="alert">
          <h1>{t(title)}</h1>
          <p>{t(body)}</p>
          {title === 'errorTitle' && (
            <button type="button" className="case-button" onClick={onRetry}>
              {t('retry')}
            </button>
          )}
        </section>
      );
    }
    case 'ready': {
      const { view } = state;
      return (
        <>
          <h1>{t('title', { ref: view.ref })}</h1>
          <p className="case-summary">{view.summary}</p>
          {view.feedbackAsked && <ResolutionForm t={t} token={token} settle={settle} />}
          {!view.feedbackAsked && view.feedbackGiven && !view.open && <p>{t('feedbackGiven')}</p>}
          <section aria-labelledby="case-conversation">
            <h2 id="case-conversation">{t('conversation')}</h2>
            {view.messages.length === 0 ? (
              <p className="case-muted">{t('noMessages')}</p>
            ) : (
              <ol className="case-messages">
                {view.messages.map((m, i) => (
                  <li key={i} className={`case-bubble case-bubble-${m.from}`}>
                    <p className="case-bubble-meta">
                      <strong>{t(m.from === 'agent' ? 'fromAgent' : 'fromCustomer')}</strong> · <time dateTime={m.at}>{new Date(m.at).toLocaleString(document.documentElement.lang)}</time>
                    </p>
                    <p className="case-bubble-text">{m.text}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
          {view.open ? <ReplyForm t={t} token={token} settle={settle} /> : <p className="case-muted">{t('closedNote')}</p>}
        </>
      );
    }
  }
}
