import { useEffect, useRef, useState } from 'react';
import type { CompletingEvent, Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import type { InvalidParam } from '@shared/http/problem.schema';
import type { Locale } from '../i18n/locale';
import { clearDraft, draftKey, loadDraft, newDraft } from './answer-draft';
import { HoneypotField } from './HoneypotField';
import { keepDraftSaved, restoreDraft, submissionBody } from './answer-session';
import { loadAnswerValidator, type AnswerValidator } from './load-checks';
import type { PublicSurvey } from './public-survey-api';
import type { RespondLink } from './respond-link';
import type { RespondMessages } from './respond-messages';
import { sendResponse, sendWithRetry, type SendOutcome } from './send-response';

/** Why the survey cannot take these answers at all; the page shows a message in its place. */
export type FinalRefusal = 'token-used' | 'token-expired' | 'token-invalid' | 'closed';
type SendingState = 'idle' | 'sending' | 'retrying';

const TAG_FIELDS = new Set(['body.touchpoint', 'body.channel', 'body.sig']);

interface Props {
  slug: string;
  survey: PublicSurvey;
  model: Model;
  link: RespondLink;
  locale: Locale;
  messages: RespondMessages;
  onRefused: (refusal: FinalRefusal) => void;
}

/**
 * The survey with its answers kept safe: saved on this device as they are given, sent on Complete with
 * retries until the server answers, and the thank-you page shown only once the server has stored them.
 */
export function RespondSurvey({ slug, survey, model, link, locale, messages, onRefused }: Props) {
  const [sending, setSending] = useState<SendingState>('idle');
  const [restored, setRestored] = useState(false);
  const [invalid, setInvalid] = useState<InvalidParam[] | null>(null);
  const honeypot = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const key = draftKey(slug, link.token);
    const abort = new AbortController();
    let draft = newDraft(survey.version);
    let stopSaving = () => {};
    const begin = (validator: AnswerValidator | null) => {
      if (abort.signal.aborted) return;
      const restored = restoreDraft(model, survey, key, validator);
      draft = restored.draft;
      setRestored(restored.restored);
      stopSaving = keepDraftSaved(model, key, draft);
    };
    // Answers saved for an older version need the validator to be carried over; the same version needs nothing.
    if (loadDraft(key)?.version === survey.version) begin(null);
    else void loadAnswerValidator().then(begin);
    // Fetched now, while the customer answers, so sending works even if the connection drops later.
    void loadAnswerValidator();
    let inFlight = false;

    const send = async (withTags: boolean) => {
      const body = submissionBody(await loadAnswerValidator(), model, survey, draft, {
        link: withTags ? link : { ...(link.token ? { token: link.token } : {}) },
        locale,
        honeypot: honeypot.current?.value ?? '',
      });
      return sendWithRetry(() => sendResponse(slug, body), { signal: abort.signal, onRetrying: () => setSending('retrying') });
    };

    const completing = async (_sender: Model, options: CompletingEvent) => {
      // Complete pressed again while sending: the first attempt decides.
      if (inFlight) return void (options.allow = false);
      inFlight = true;
      setSending('sending');
      setInvalid(null);
      try {
        let outcome: Exclude<SendOutcome, { kind: 'retry' }> = await send(true);
        // A link tagged with an unknown touchpoint or channel must not cost the customer their answers.
        if (outcome.kind === 'invalid' && outcome.invalidParams.length > 0 && outcome.invalidParams.every((p) => TAG_FIELDS.has(p.name))) {
          console.warn('Survey link tags refused; sending without them', outcome.invalidParams);
          outcome = await send(false);
        }
        options.allow = outcome.kind === 'stored';
        if (outcome.kind === 'stored') clearDraft(key);
        else if (outcome.kind === 'invalid') {
          if (outcome.invalidParams.some((param) => param.name === 'body.token')) onRefused('token-invalid');
          else setInvalid(outcome.invalidParams);
        } else {
          clearDraft(key);
          onRefused(outcome.kind);
        }
      } catch {
        // Aborted: the page is going away; the draft keeps the answers.
        options.allow = false;
      } finally {
        inFlight = false;
        if (!abort.signal.aborted) setSending('idle');
      }
    };
    model.onCompleting.add(completing);
    return () => {
      abort.abort(new Error('page left'));
      model.onCompleting.remove(completing);
      stopSaving();
    };
  }, [slug, survey, model, link, locale, onRefused]);

  const status = sending === 'sending' ? messages.sending : sending === 'retrying' ? messages.stillTrying : '';
  return (
    <main className="respond-survey">
      {restored && (
        <p className="respond-notice" role="status">
          {messages.restored}
        </p>
      )}
      <Survey model={model} />
      {invalid && (
        <div className="respond-notice respond-notice-error" role="alert">
          <p>{messages.invalid}</p>
          <ul>
            {invalid.map((param) => (
              <li key={param.name}>
                {param.name.replace(/^body\.answers\.?/, '') || 'answers'}: {param.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className={status ? 'respond-sending respond-sending-active' : 'respond-sending'} role="status" aria-live="polite">
        {status}
      </p>
      <HoneypotField label={messages.honeypotLabel} inputRef={honeypot} />
    </main>
  );
}
