import { useCallback, useEffect, useRef, useState } from 'react';
import type { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import type { KioskSettings } from '@shared/channels/channel.schema';
import type { Locale } from '../../i18n/locale';
import { newDraft, safeLocalStorage, type AnswerDraft } from '../answer-draft';
import { submissionBody } from '../answer-session';
import { createSurveyModel } from '../create-survey-model';
import { HoneypotField } from '../HoneypotField';
import { loadAnswerValidator } from '../load-checks';
import { LoadingStatus } from '../LoadingStatus';
import type { PublicSurvey } from '../public-survey-api';
import type { RespondMessages } from '../respond-messages';
import { sendResponse } from '../send-response';
import { kioskFetch, loadKioskSettings } from './kiosk-api';
import { kioskMessages } from './kiosk-messages';
import { KioskQueue } from './kiosk-queue';
import { idleCheck, kioskTimings } from './kiosk-timing';

interface Props {
  /** The device credential from the link's fragment; '' when it was malformed. */
  credential: string;
  slug: string;
  survey: PublicSurvey;
  /** The model RespondPage built, used for the first customer. */
  model: Model;
  locale: Locale;
  messages: RespondMessages;
}

/** One customer's turn: a fresh model and a fresh submission id, never a draft from storage. */
interface Turn {
  model: Model;
  draft: AnswerDraft;
}

const SETTINGS_RETRY_MS = 3_000;

/**
 * The survey on a tablet at a counter. Unlike a customer's own page it keeps no draft: each customer
 * gets a fresh survey, the thank-you stays a few seconds, a survey left half-filled is cleared after
 * the idle time, and finished surveys are queued and sent in the background, so a short network loss
 * neither blocks the next customer nor loses or doubles an answer.
 */
export default function KioskSurvey({ credential, slug, survey, model, locale, messages }: Props) {
  const words = kioskMessages[locale];
  const [settings, setSettings] = useState<KioskSettings | null>(null);
  const [refused, setRefused] = useState(credential === '');
  const [turn, setTurn] = useState<Turn>(() => ({ model, draft: newDraft(survey.version) }));
  const [thanking, setThanking] = useState(false);
  const [pending, setPending] = useState(0);
  const queue = useRef<KioskQueue | null>(null);
  const honeypot = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (credential === '') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const load = async () => {
      const result = await loadKioskSettings(credential);
      if (cancelled) return;
      if (result.kind === 'ready') setSettings(result.settings);
      else if (result.kind === 'refused') setRefused(true);
      else timer = setTimeout(() => void load(), SETTINGS_RETRY_MS);
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [credential]);

  useEffect(() => {
    if (credential === '') return;
    const fetchFn = kioskFetch(credential, () => setRefused(true));
    const started = new KioskQueue({
      storageKey: `touchpoint.kiosk.queue.${slug}`,
      storage: safeLocalStorage(),
      send: (body) => sendResponse(slug, body, fetchFn),
      onPending: setPending,
    });
    queue.current = started;
    started.start();
    // Fetched now, while online, so a finished survey can be checked and queued even if the connection drops later.
    void loadAnswerValidator();
    return () => {
      started.stop();
      queue.current = null;
    };
  }, [credential, slug]);

  const nextCustomer = useCallback(async () => {
    const fresh = await createSurveyModel(survey.definition, locale);
    if (honeypot.current) honeypot.current.value = '';
    setTurn({ model: fresh, draft: newDraft(survey.version) });
    setThanking(false);
  }, [survey, locale]);

  useEffect(() => {
    if (!settings) return;
    const { model: current, draft } = turn;
    const timings = kioskTimings(settings);
    let lastActivityAt: number | null = null;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let thanksTimer: ReturnType<typeof setTimeout> | undefined;
    // Fill time counts from the first answer: a tablet may show the survey for hours before anyone starts.
    const answered = () => {
      if (lastActivityAt === null) draft.startedAt = Date.now();
      lastActivityAt = Date.now();
    };
    const touched = () => {
      if (lastActivityAt !== null) lastActivityAt = Date.now();
    };
    const checkIdle = () => {
      const check = idleCheck(Date.now(), lastActivityAt, timings.idleMs);
      if (check.reset) void nextCustomer();
      else idleTimer = setTimeout(checkIdle, check.nextCheckMs);
    };
    const completed = () => {
      clearTimeout(idleTimer);
      setThanking(true);
      const tags = { link: { touchpoint: settings.touchpoint, channel: settings.channel }, locale, honeypot: honeypot.current?.value ?? '' };
      void loadAnswerValidator().then((validator) => queue.current?.add(submissionBody(validator, current, survey, draft, tags)));
      thanksTimer = setTimeout(() => void nextCustomer(), timings.thankYouMs);
    };
    current.onValueChanged.add(answered);
    current.onCurrentPageChanged.add(touched);
    current.onComplete.add(completed);
    document.addEventListener('pointerdown', touched);
    document.addEventListener('keydown', touched);
    idleTimer = setTimeout(checkIdle, 0);
    return () => {
      clearTimeout(idleTimer);
      clearTimeout(thanksTimer);
      current.onValueChanged.remove(answered);
      current.onCurrentPageChanged.remove(touched);
      current.onComplete.remove(completed);
      document.removeEventListener('pointerdown', touched);
      document.removeEventListener('keydown', touched);
    };
  }, [settings, turn, survey, locale, nextCustomer]);

  if (refused) {
    return (
      <main className="respond-message" role="alert">
        <h1>{words.offTitle}</h1>
        <p>{words.offBody}</p>
      </main>
    );
  }
  if (!settings) {
    return <LoadingStatus text={messages.loading} />;
  }
  return (
    <main className="respond-survey respond-kiosk">
      <Survey key={turn.draft.submissionId} model={turn.model} />
      <p className={thanking ? 'respond-sending respond-sending-active' : 'respond-sending'} role="status" aria-live="polite">
        {thanking ? words.nextSoon : ''}
      </p>
      {pending > 0 && (
        <p className="respond-notice kiosk-pending" role="status">
          {words.pending.replace('{n}', String(pending))}
        </p>
      )}
      <HoneypotField label={messages.honeypotLabel} inputRef={honeypot} />
    </main>
  );
}
