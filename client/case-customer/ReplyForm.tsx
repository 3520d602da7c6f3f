import { useState, type FormEvent } from 'react';
import { sendCustomerReply, type CaseCall } from './case-customer-api';
import type { CaseMessageKey } from './case-messages';
import type { CaseTranslate } from './CustomerCasePage';

interface Props {
  t: CaseTranslate;
  token: string;
  settle: (result: CaseCall, success: CaseMessageKey) => boolean;
}

/** The customer's answer to our team; it lands on the case timeline. */
export function ReplyForm({ t, token, settle }: Props) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || sending) return;
    setSending(true);
    if (settle(await sendCustomerReply(token, text.trim()), 'replySent')) setText('');
    setSending(false);
  };

  return (
    <form className="case-form" onSubmit={submit}>
      <label htmlFor="case-reply">{t('replyLabel')}</label>
      <textarea id="case-reply" rows={4} maxLength={5000} required value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="case-button" disabled={sending}>
        {sending ? t('replySending') : t('replySend')}
      </button>
    </form>
  );
}
