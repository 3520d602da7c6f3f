import { useEffect, useRef, useState, type FormEvent } from 'react';
import { newSubmissionId } from '../respond/submission-id';
import type { Locale } from '../i18n/locale';
import { loadComplaintForm, sendComplaint, touchpointFromPath, type ComplaintDraft, type ComplaintFormInfo } from './complaint-api';
import { complaintMessages, type ComplaintMessages } from './complaint-messages';

type Shown = { kind: 'loading' } | { kind: 'not-found' } | { kind: 'failed' } | { kind: 'ready'; form: ComplaintFormInfo } | { kind: 'filed'; caseRef: string };
type Notice = { kind: 'none' } | { kind: 'sending' } | { kind: 'invalid' } | { kind: 'failed' } | { kind: 'too-many' };

const emptyDraft = (): ComplaintDraft => ({ submissionId: newSubmissionId(), name: '', email: '', phone: '', channel: '', description: '', honeypot: '' });

function fieldError(field: string, invalid: readonly string[], m: ComplaintMessages): string | null {
  if (field === 'email' && (invalid.includes('email') || invalid.includes('phone'))) return m.contactNeeded;
  if (field === 'description' && invalid.includes('description')) return m.descriptionShort;
  return invalid.includes(field) ? m.fieldInvalid : null;
}

/** The public complaint form of one touchpoint, at `/complain/<touchpoint>` (a link or QR code per touchpoint). */
export function ComplaintPage({ locale }: { locale: Locale }) {
  const m = complaintMessages[locale];
  const touchpoint = touchpointFromPath(window.location.pathname);
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [draft, setDraft] = useState<ComplaintDraft>(emptyDraft);
  const [invalid, setInvalid] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  const openedAt = useRef(Date.now());
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = m.documentTitle;
  }, [m]);
  useEffect(() => {
    if (!touchpoint) {
      setShown({ kind: 'not-found' });
      return;
    }
    let live = true;
    loadComplaintForm(touchpoint).then(
      (result) => live && setShown(result.kind === 'found' ? { kind: 'ready', form: result.form } : result),
      () => live && setShown({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [touchpoint, attempt]);
  useEffect(() => {
    if (shown.kind === 'filed') heading.current?.focus();
  }, [shown.kind]);

  if (shown.kind === 'loading') return <main className="complaint-page" aria-busy="true"><p role="status">{m.loading}</p></main>;
  if (shown.kind === 'not-found') return <main className="complaint-page"><h1>{m.notFoundTitle}</h1><p>{m.notFoundBody}</p></main>;
  if (shown.kind === 'failed') {
    return (
      <main className="complaint-page">
        <h1>{m.errorTitle}</h1>
        <p>{m.errorBody}</p>
        <button type="button" className="button button-primary" onClick={() => { setShown({ kind: 'loading' }); setAttempt((n) => n + 1); }}>{m.retry}</button>
      </main>
    );
  }
  if (shown.kind === 'filed') {
    return (
      <main className="complaint-page">
        <h1 ref={heading} tabIndex={-1}>{m.thanksTitle}</h1>
        <p>{m.thanksBody.replace('{case}', shown.caseRef)}</p>
      </main>
    );
  }

  const { form } = shown;
  const set = (field: keyof ComplaintDraft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: event.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice({ kind: 'sending' });
    // The same submission id on every retry: a complaint sent twice opens one case.
    const result = await sendComplaint(form.touchpoint.key, draft, locale, Date.now() - openedAt.current);
    if (result.kind === 'filed') setShown({ kind: 'filed', caseRef: result.caseRef });
    else if (result.kind === 'invalid') {
      setInvalid(result.fields);
      setNotice({ kind: 'invalid' });
    } else setNotice({ kind: result.kind });
  };
  const field = (name: 'name' | 'email' | 'phone', label: string, type: string, autoComplete: string) => {
    const error = fieldError(name, invalid, m);
    return (
      <div className="complaint-field">
        <label htmlFor={`complaint-${name}`}>{label}</label>
        <input id={`complaint-${name}`} type={type} autoComplete={autoComplete} value={draft[name]} onChange={set(name)} required={name === 'name'} aria-invalid={error ? true : undefined} aria-describedby={error ? `complaint-${name}-error` : undefined} />
        {error && <span id={`complaint-${name}-error`} className="complaint-error">{error}</span>}
      </div>
    );
  };
  const descriptionError = fieldError('description', invalid, m);
  const notices: Partial<Record<Notice['kind'], string>> = { sending: m.sending, invalid: m.invalid, failed: m.failed, 'too-many': m.tooMany };
  const noticeText = notices[notice.kind];

  return (
    <main className="complaint-page">
      <h1>{m.title.replace('{touchpoint}', form.touchpoint.name)}</h1>
      <p className="complaint-hint">{m.intro}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {field('name', m.name, 'text', 'name')}
        {field('email', m.email, 'email', 'email')}
        {field('phone', m.phone, 'tel', 'tel')}
        <div className="complaint-field">
          <label htmlFor="complaint-channel">{m.channel}</label>
          <select id="complaint-channel" value={draft.channel} onChange={set('channel')}>
            <option value="">{m.channelNone}</option>
            {form.channels.map((channel) => (
              <option key={channel} value={channel}>{channel}</option>
            ))}
          </select>
        </div>
        <div className="complaint-field">
          <label htmlFor="complaint-description">{m.description}</label>
          <textarea id="complaint-description" rows={6} value={draft.description} onChange={set('description')} required aria-invalid={descriptionError ? true : undefined} aria-describedby={descriptionError ? 'complaint-description-error' : undefined} />
          {descriptionError && <span id="complaint-description-error" className="complaint-error">{descriptionError}</span>}
        </div>
        <div className="complaint-honeypot" aria-hidden="true">
          <label>
            {m.honeypotLabel}
            <input type="text" name="website" tabIndex={-1} autoComplete="off" value={draft.honeypot} onChange={set('honeypot')} />
          </label>
        </div>
        {noticeText && <p role={notice.kind === 'sending' ? 'status' : 'alert'}>{noticeText}</p>}
        <button type="submit" className="button button-primary" disabled={notice.kind === 'sending'}>{m.submit}</button>
      </form>
    </main>
  );
}
