import { useState, type FormEvent } from 'react';
import { sendResolutionFeedback, type CaseCall } from './case-customer-api';
import type { CaseMessageKey } from './case-messages';
import type { CaseTranslate } from './CustomerCasePage';

interface Props {
  t: CaseTranslate;
  token: string;
  settle: (result: CaseCall, success: CaseMessageKey) => boolean;
}

const SCORES = [1, 2, 3, 4, 5] as const;
const SCORE_LABELS = { 1: 'csat1', 2: 'csat2', 3: 'csat3', 4: 'csat4', 5: 'csat5' } as const satisfies Record<(typeof SCORES)[number], CaseMessageKey>;

/** "Was this resolved?" and a CSAT 1-5 on the handling; a "no" reopens the case. */
export function ResolutionForm({ t, token, settle }: Props) {
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [csat, setCsat] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (resolved === null || csat === null) return setMissing(true);
    if (sending) return;
    setMissing(false);
    setSending(true);
    const body = { resolved, csat, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    settle(await sendResolutionFeedback(token, body), resolved ? 'thanksResolved' : 'thanksReopened');
    setSending(false);
  };

  return (
    <form className="case-form case-resolution" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('resolvedQuestion')}</legend>
        <div className="case-choices">
          {([true, false] as const).map((value) => (
            <label key={String(value)} className="case-choice">
              <input type="radio" name="resolved" checked={resolved === value} onChange={() => setResolved(value)} />
              {t(value ? 'yes' : 'no')}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('csatQuestion')}</legend>
        <div className="case-choices case-scores">
          {SCORES.map((score) => (
            <label key={score} className="case-choice">
              <input type="radio" name="csat" value={score} checked={csat === score} onChange={() => setCsat(score)} />
              {t(SCORE_LABELS[score])}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor="case-comment">{t('commentLabel')}</label>
      <textarea id="case-comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      {missing && (
        <p className="case-error" role="alert">
          {t('feedbackMissing')}
        </p>
      )}
      <button type="submit" className="case-button" disabled={sending}>
        {t('feedbackSend')}
      </button>
    </form>
  );
}
